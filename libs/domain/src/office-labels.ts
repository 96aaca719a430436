/**
 * Turkish labels of the Özel Kalem and process enums (their enums live in the processes module;
 * test/domain-labels.spec.ts checks that every value has one).
 */
export const APPOINTMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  requested: 'Talep alındı',
  scheduled: 'Randevu verildi',
  held: 'Görüşüldü',
  missed: 'Gelmedi',
  cancelled: 'İptal edildi',
  declined: 'Uygun görülmedi',
};

export const REQUESTER_KIND_LABELS: Readonly<Record<string, string>> = {
  citizen: 'Vatandaş',
  institution: 'Kurum',
};

export const APPOINTMENT_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  phone: 'Telefon',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'E-posta',
  web: 'Web',
  letter: 'Dilekçe / yazı',
  walk_in: 'Randevusuz (kapıdan)',
};

export const PROCESS_STATUS_LABELS: Readonly<Record<string, string>> = {
  running: 'Sürüyor',
  completed: 'Tamamlandı',
  rejected: 'Reddedildi',
  filed: 'Dosyalandı',
};

export const PROCESS_EVENT_LABELS: Readonly<Record<string, string>> = {
  started: 'Süreç başlatıldı',
  step_opened: 'Adım açıldı',
  step_completed: 'Adım tamamlandı',
  step_assigned: 'Adım atandı',
  escalated: 'Üst makama iletildi',
  ended: 'Süreç sona erdi',
};

/** The muhtar activities the PG7.4.1 and PG7.4.2 indicators count (their enum lives in the reports module). */
export const MUHTAR_ACTIVITY_KIND_LABELS: Readonly<Record<string, string>> = {
  coordination_meeting: 'Koordinasyon toplantısı',
  visit: 'Muhtar ziyareti',
};
