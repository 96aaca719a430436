/** What the municipality tells a citizen about their application, in their language. */
export enum NoticePurpose {
  Received = 'received',
  Forwarded = 'forwarded',
  Reply = 'reply',
  Answered = 'answered',
  Rejected = 'rejected',
  Referred = 'referred',
  Merged = 'merged',
  Delayed = 'delayed',
  Extended = 'extended',
  Survey = 'survey',
  /** Law 4982: the access fee, the date to pay by, and what happens if it is not paid. */
  FeeNotice = 'fee_notice',
  /** Law 4982: unpaid fee, the application is taken as withdrawn. */
  Withdrawn = 'withdrawn',
  /** Law 4982: the information given in full. */
  InformationAnswered = 'information_answered',
  /** Law 4982: given in part — the reason, the exemption articles and the remedies. */
  InformationPartial = 'information_partial',
  /** Law 4982: refused — the reason, the exemption articles and the remedies. */
  InformationRefused = 'information_refused',
}

export type NoticeLocale = 'tr' | 'en';

export interface NoticeContext {
  municipality: string;
  trackingNo: string;
  statusUrl: string;
  /** The answer, the reason, the staff reply. */
  text?: string | null;
  department?: string | null;
  institution?: string | null;
  /** The original a duplicate was merged into. */
  originalTrackingNo?: string | null;
  /** "2 Aralık 2026" — already formatted for the locale. */
  newDueDate?: string | null;
  /** The satisfaction survey's page (/anket/<token>). */
  surveyUrl?: string | null;
  /** Law 4982: the exemption articles a refusal rests on, with their reasons. */
  exemptions?: string | null;
  /** Law 4982: how the applicant may challenge the decision, and by when (LAW_4982_REMEDIES unless given). */
  remedies?: string | null;
  /** Law 4982: the access fee, formatted ("125,50 TL"). */
  amount?: string | null;
  /** Law 4982: the date the fee must be paid by, formatted. */
  payBy?: string | null;
}

export interface RenderedNotice {
  subject: string;
  body: string;
}

/** Every field a template may use; a template naming anything else is refused when it is written. */
export const NOTICE_FIELDS: readonly (keyof NoticeContext)[] = [
  'municipality',
  'trackingNo',
  'statusUrl',
  'text',
  'department',
  'institution',
  'originalTrackingNo',
  'newDueDate',
  'surveyUrl',
  'exemptions',
  'remedies',
  'amount',
  'payBy',
];

/** What the law makes a notice say: a municipality's own wording must keep these placeholders. */
export const REQUIRED_FIELDS: Partial<Record<NoticePurpose, readonly (keyof NoticeContext)[]>> = {
  // Law 4982 art. 12: a refusal gives its reason and the remedies against it.
  [NoticePurpose.InformationPartial]: ['text', 'exemptions', 'remedies'],
  [NoticePurpose.InformationRefused]: ['text', 'exemptions', 'remedies'],
  [NoticePurpose.FeeNotice]: ['amount', 'payBy'],
};

export type NoticeTemplate = { subject: string; body: string };

export const NOTICE_TEMPLATES: Record<NoticePurpose, Record<NoticeLocale, NoticeTemplate>> = {
  [NoticePurpose.Received]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz alındı',
      body: 'Başvurunuz alındı. Başvuru numaranız: {trackingNo}. Durumunu buradan izleyebilirsiniz: {statusUrl} — {municipality}',
    },
    en: {
      subject: 'Application {trackingNo} received',
      body: 'We have received your application. Your reference number is {trackingNo}. Follow it here: {statusUrl} — {municipality}',
    },
  },
  [NoticePurpose.Forwarded]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz iletildi',
      body: '{trackingNo} numaralı başvurunuz {department} birimine iletildi. Durum: {statusUrl} — {municipality}',
    },
    en: {
      subject: 'Application {trackingNo} forwarded',
      body: 'Your application {trackingNo} has been forwarded to {department}. Status: {statusUrl} — {municipality}',
    },
  },
  [NoticePurpose.Reply]: {
    tr: { subject: '{trackingNo} numaralı başvurunuz hakkında', body: '{text}\n\n({trackingNo} — {municipality})' },
    en: { subject: 'About your application {trackingNo}', body: '{text}\n\n({trackingNo} — {municipality})' },
  },
  [NoticePurpose.Answered]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz yanıtlandı',
      body: '{trackingNo} numaralı başvurunuz yanıtlandı: {text}\nDurum: {statusUrl} — {municipality}',
    },
    en: { subject: 'Application {trackingNo} answered', body: 'Your application {trackingNo} has been answered: {text}\nStatus: {statusUrl} — {municipality}' },
  },
  [NoticePurpose.Rejected]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz hakkında karar',
      body: '{trackingNo} numaralı başvurunuz karşılanamadı. Gerekçe: {text} — {municipality}',
    },
    en: { subject: 'Decision on application {trackingNo}', body: 'Your application {trackingNo} could not be granted. Reason: {text} — {municipality}' },
  },
  [NoticePurpose.Referred]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz yönlendirildi',
      body: '{trackingNo} numaralı başvurunuz yetkili kuruma, {institution} kurumuna iletildi. {text} — {municipality}',
    },
    en: {
      subject: 'Application {trackingNo} referred',
      body: 'Your application {trackingNo} has been referred to the competent body, {institution}. {text} — {municipality}',
    },
  },
  [NoticePurpose.Merged]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz birleştirildi',
      body: '{trackingNo} numaralı başvurunuz aynı konudaki {originalTrackingNo} numaralı başvuruyla birleştirildi; takibi o numarayla yapabilirsiniz. — {municipality}',
    },
    en: {
      subject: 'Application {trackingNo} merged',
      body: 'Your application {trackingNo} has been merged with application {originalTrackingNo} on the same matter; please follow that number. — {municipality}',
    },
  },
  [NoticePurpose.Delayed]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuz gecikti',
      body: '{trackingNo} numaralı başvurunuz için verdiğimiz süreyi aştık, özür dileriz. Beklenen yeni tarih: {newDueDate}. — {municipality}',
    },
    en: {
      subject: 'Application {trackingNo} delayed',
      body: 'We have missed the time we gave for your application {trackingNo}; we apologise. New expected date: {newDueDate}. — {municipality}',
    },
  },
  [NoticePurpose.Extended]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuzun süresi uzatıldı',
      body: '4982 sayılı Kanun uyarınca {trackingNo} numaralı başvurunuzun yanıt süresi uzatıldı. Gerekçe: {text}. Yeni tarih: {newDueDate}. — {municipality}',
    },
    en: {
      subject: 'Time extended for information request {trackingNo}',
      body: 'Under Law 4982 the time to answer your request {trackingNo} has been extended. Reason: {text}. New date: {newDueDate}. — {municipality}',
    },
  },
  // {text} says how to answer on the channel it goes to (a reply on SMS/WhatsApp, the link in an e-mail).
  [NoticePurpose.Survey]: {
    tr: {
      subject: '{trackingNo} numaralı başvurunuzu değerlendirin',
      body: '{trackingNo} numaralı başvurunuzla ilgili hizmetimizi değerlendirir misiniz? {text} Anket: {surveyUrl} — {municipality}',
    },
    en: {
      subject: 'Rate how we handled application {trackingNo}',
      body: 'How did we handle your application {trackingNo}? {text} Survey: {surveyUrl} — {municipality}',
    },
  },
  [NoticePurpose.FeeNotice]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuz için erişim ücreti',
      body: '{trackingNo} numaralı bilgi edinme başvurunuzdaki bilgi ve belgelere erişim ücreti {amount}. Ödemeyi gösteren belgeyi {payBy} tarihine kadar iletmezseniz başvurunuzdan vazgeçmiş sayılırsınız. Yanıt süresi bu bildirimle kesilmiştir; ödemeyle yeniden başlar. {text} — {municipality}',
    },
    en: {
      subject: 'Access fee for information request {trackingNo}',
      body: 'The fee for access to the information in your request {trackingNo} is {amount}. If proof of payment has not reached us by {payBy}, your request is taken as withdrawn. The time to answer stops with this notice and starts again on payment. {text} — {municipality}',
    },
  },
  [NoticePurpose.Withdrawn]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuz kapatıldı',
      body: 'Erişim ücreti {payBy} tarihine kadar ödenmediği için {trackingNo} numaralı bilgi edinme başvurunuzdan vazgeçmiş sayıldınız ve başvurunuz kapatıldı. Dilerseniz yeniden başvurabilirsiniz. — {municipality}',
    },
    en: {
      subject: 'Information request {trackingNo} closed',
      body: 'The access fee was not paid by {payBy}, so your information request {trackingNo} is taken as withdrawn and has been closed. You may apply again. — {municipality}',
    },
  },
  [NoticePurpose.InformationAnswered]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuz yanıtlandı',
      body: '4982 sayılı Bilgi Edinme Hakkı Kanunu uyarınca {trackingNo} numaralı başvurunuz karşılandı: {text}\nDurum: {statusUrl} — {municipality}',
    },
    en: {
      subject: 'Information request {trackingNo} answered',
      body: 'Under Law 4982 on the Right to Information your request {trackingNo} has been granted: {text}\nStatus: {statusUrl} — {municipality}',
    },
  },
  [NoticePurpose.InformationPartial]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuz kısmen karşılandı',
      body: '4982 sayılı Kanun uyarınca {trackingNo} numaralı başvurunuz kısmen karşılandı: {text}\nVerilemeyen kısmın dayanağı: {exemptions}\n{remedies} — {municipality}',
    },
    en: {
      subject: 'Information request {trackingNo} partly granted',
      body: 'Under Law 4982 your request {trackingNo} has been partly granted: {text}\nGrounds for what is withheld: {exemptions}\n{remedies} — {municipality}',
    },
  },
  [NoticePurpose.InformationRefused]: {
    tr: {
      subject: '{trackingNo} numaralı bilgi edinme başvurunuz hakkında ret kararı',
      body: '4982 sayılı Kanun uyarınca {trackingNo} numaralı başvurunuz reddedildi. Gerekçe: {text}\nDayanak: {exemptions}\n{remedies} — {municipality}',
    },
    en: {
      subject: 'Information request {trackingNo} refused',
      body: 'Under Law 4982 your request {trackingNo} has been refused. Reason: {text}\nGrounds: {exemptions}\n{remedies} — {municipality}',
    },
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a purpose must keep that a template leaves out. */
export function missingRequiredFields(purpose: NoticePurpose, template: string): string[] {
  const used = new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return (REQUIRED_FIELDS[purpose] ?? []).filter((field) => !used.has(field));
}

/** The fields a template uses that no context provides; empty = the template is usable. */
export function unknownFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !NOTICE_FIELDS.includes(name as keyof NoticeContext));
}

/**
 * What an applicant may do against a Law 4982 refusal or partial answer, which art. 12 makes the
 * notice say: object to the Bilgi Edinme Değerlendirme Kurulu within 15 days (art. 13; the
 * objection stops the time to sue), or sue in the administrative court within 60 days (İYUK art. 7).
 */
export const LAW_4982_REMEDIES: Record<NoticeLocale, string> = {
  tr:
    'Bu karara karşı, size bildirildiği tarihten itibaren 15 gün içinde Bilgi Edinme Değerlendirme Kurulu’na itiraz edebilir ' +
    '(4982 sayılı Kanun m. 13; Kurula itiraz dava açma süresini durdurur) veya 60 gün içinde idare mahkemesinde dava açabilirsiniz ' +
    '(2577 sayılı İdari Yargılama Usulü Kanunu m. 7).',
  en:
    'You may object to the Right to Information Assessment Board (Bilgi Edinme Değerlendirme Kurulu) within 15 days of being ' +
    'notified (Law 4982 art. 13; the objection stops the time to sue), or bring an action before the administrative court within ' +
    '60 days (Law 2577 art. 7).',
};

/** Renders a template (the shipped one unless the municipality wrote its own). */
export function renderNotice(purpose: NoticePurpose, locale: NoticeLocale, context: NoticeContext, own?: NoticeTemplate): RenderedNotice {
  const template = own ?? NOTICE_TEMPLATES[purpose][locale];
  const values: NoticeContext = { remedies: LAW_4982_REMEDIES[locale], ...context };
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: keyof NoticeContext) => String(values[name] ?? '').trim());
  return { subject: fill(template.subject), body: fill(template.body).replace(/ {2,}/g, ' ') };
}
