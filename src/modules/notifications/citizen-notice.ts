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
];

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
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** The fields a template uses that no context provides; empty = the template is usable. */
export function unknownFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !NOTICE_FIELDS.includes(name as keyof NoticeContext));
}

/** Renders a template (the shipped one unless the municipality wrote its own). */
export function renderNotice(purpose: NoticePurpose, locale: NoticeLocale, context: NoticeContext, own?: NoticeTemplate): RenderedNotice {
  const template = own ?? NOTICE_TEMPLATES[purpose][locale];
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: keyof NoticeContext) => String(context[name] ?? '').trim());
  return { subject: fill(template.subject), body: fill(template.body).replace(/ {2,}/g, ' ') };
}
