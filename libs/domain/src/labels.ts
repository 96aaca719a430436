import { Role } from './role';
import { FieldDatatype, LegalBasis, TicketChannel } from './ticket-enums';
import { TicketStatus } from './ticket-status';

/** The channels as staff and reports name them. */
export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  [TicketChannel.Phone]: 'Telefon',
  [TicketChannel.Sms]: 'SMS',
  [TicketChannel.Whatsapp]: 'WhatsApp',
  [TicketChannel.Web]: 'Web formu',
  [TicketChannel.Email]: 'E-posta',
  [TicketChannel.WalkIn]: 'Masaya gelen',
  [TicketChannel.FieldTeam]: 'Saha ekibi',
  [TicketChannel.Muhtar]: 'Muhtar',
  [TicketChannel.Cimer]: 'CİMER',
  [TicketChannel.Open311]: 'Open311 uygulaması',
};

/** A category's extra fields' kinds, as the admin screens name them. */
export const FIELD_DATATYPE_LABELS: Record<FieldDatatype, string> = {
  [FieldDatatype.String]: 'Kısa metin',
  [FieldDatatype.Number]: 'Sayı',
  [FieldDatatype.Datetime]: 'Tarih ve saat',
  [FieldDatatype.Text]: 'Uzun metin',
  [FieldDatatype.SingleValueList]: 'Listeden bir seçim',
  [FieldDatatype.MultiValueList]: 'Listeden birden çok seçim',
};

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Agent]: 'Çağrı merkezi temsilcisi',
  [Role.Supervisor]: 'Çağrı merkezi sorumlusu',
  [Role.DepartmentStaff]: 'Birim personeli',
  [Role.DepartmentManager]: 'Birim müdürü',
  [Role.Executive]: 'Yönetici',
  [Role.Admin]: 'Sistem yöneticisi',
  [Role.CimerOfficer]: 'CİMER yetkilisi',
};

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  [LegalBasis.Law3071]: '3071 (dilekçe)',
  [LegalBasis.Law4982]: '4982 (bilgi edinme)',
  [LegalBasis.Kvkk]: 'KVKK',
  [LegalBasis.Internal]: 'İç hedef',
};

/**
 * The statuses as staff screens show them. STATUS_LABELS speaks to the citizen ("Sizden bilgi
 * bekleniyor"); these speak about the citizen ("Vatandaştan bilgi bekleniyor").
 */
export const STAFF_STATUS_LABELS: Record<TicketStatus, string> = {
  [TicketStatus.New]: 'Yeni',
  [TicketStatus.Assigned]: 'Atandı',
  [TicketStatus.InProgress]: 'İşlemde',
  [TicketStatus.WaitingForCitizen]: 'Vatandaştan bilgi bekleniyor',
  [TicketStatus.Answered]: 'Yanıtlandı',
  [TicketStatus.Closed]: 'Kapatıldı',
  [TicketStatus.Rejected]: 'Reddedildi',
  [TicketStatus.Referred]: 'Kuruma yönlendirildi',
  [TicketStatus.Reopened]: 'Yeniden açıldı',
  [TicketStatus.Merged]: 'Birleştirildi',
};

/** A ticket timeline's event types (the tickets module's TicketEventType values) as staff read them. */
export const TIMELINE_EVENT_LABELS: Readonly<Record<string, string>> = {
  created: 'Başvuru oluşturuldu',
  message_in: 'Vatandaştan mesaj',
  reply_out: 'Vatandaşa yanıt',
  internal_note: 'İç not',
  assigned: 'Atama',
  transferred: 'Aktarma',
  status_changed: 'Durum değişti',
  merged: 'Birleştirme',
  updated: 'Güncellendi',
  routed: 'Birime yönlendirildi',
  returned: 'Çağrı merkezine iade',
  duplicate_suspected: 'Mükerrer şüphesi',
  duplicate_dismissed: 'Mükerrer şüphesi kaldırıldı',
  deadline_paused: 'Süre durduruldu',
  deadline_resumed: 'Süre yeniden başladı',
  escalated: 'Üst makama bildirildi',
  survey_answered: 'Memnuniyet anketi yanıtlandı',
  deadline_extended: 'Süre uzatıldı',
  attachment: 'Ek dosya',
  fee_notified: 'Erişim ücreti bildirildi',
  fee_paid: 'Erişim ücreti ödendi',
  information_decided: 'Bilgi edinme kararı',
  objection: 'İtiraz',
  cimer_answer: 'CİMER yanıtı',
  sla_warning: 'Süre uyarısı',
  sla_breached: 'Süre aşıldı',
};

/** The outcome a staff member picks when resolving, by the status it moves the ticket to. */
export const OUTCOME_LABELS: Partial<Record<TicketStatus, string>> = {
  [TicketStatus.Answered]: 'Yanıtla ve sonuçlandır',
  [TicketStatus.WaitingForCitizen]: 'Vatandaştan bilgi iste',
  [TicketStatus.Rejected]: 'Reddet (gerekçeli)',
  [TicketStatus.Referred]: 'Başka kuruma yönlendir',
  [TicketStatus.Closed]: 'Kapat',
  [TicketStatus.Reopened]: 'Yeniden aç',
};

/** A notice's delivery state (the notifications module's OutboundState, and what the ticket's notice list adds). */
export const DELIVERY_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: 'Gönderilecek',
  sending: 'Gönderiliyor',
  sent: 'Gönderildi',
  delivered: 'İletildi',
  undelivered: 'İletilemedi',
  read: 'Okundu',
  failed: 'Gönderilemedi',
  suppressed: 'Gönderilmedi (izin/tercih)',
};

/** The departments module's DepartmentLevel. */
export const DEPARTMENT_LEVEL_LABELS: Readonly<Record<string, string>> = {
  baskanlik: 'Başkanlık',
  baskan_yardimciligi: 'Başkan yardımcılığı',
  mudurluk: 'Müdürlük',
};

/** The sla module's DurationUnit. */
export const DURATION_UNIT_LABELS: Readonly<Record<string, string>> = {
  calendar_days: 'Takvim günü',
  working_days: 'İş günü',
  working_hours: 'İş saati',
};

/** The calendar's OverrideKind. */
export const CALENDAR_OVERRIDE_LABELS: Readonly<Record<string, string>> = {
  day_off: 'Tam gün tatil',
  half_day_off: 'Yarım gün (13:00 sonrası)',
  working_day: 'Çalışma günü',
};

/** The notifications module's NoticePurpose: what a citizen notice is for (the admin's template list). */
export const NOTICE_PURPOSE_LABELS: Readonly<Record<string, string>> = {
  received: 'Başvuru alındı',
  forwarded: 'Birime iletildi',
  reply: 'Personel yanıtı',
  answered: 'Yanıtlandı',
  rejected: 'Karşılanamadı',
  referred: 'Başka kuruma yönlendirildi',
  merged: 'Mükerrer başvuru birleştirildi',
  delayed: 'Gecikme bildirimi',
  extended: 'Süre uzatıldı',
  survey: 'Memnuniyet anketi',
  fee_notice: 'Bilgi edinme: ücret bildirimi',
  withdrawn: 'Bilgi edinme: ücret ödenmedi, geri çekildi',
  information_answered: 'Bilgi edinme: bilgi verildi',
  information_partial: 'Bilgi edinme: kısmen verildi',
  information_refused: 'Bilgi edinme: reddedildi',
};
