const DATE = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', dateStyle: 'full' });
const TIME = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', timeStyle: 'short' });
const ISTANBUL_OFFSET_MS = 3 * 3600_000; // no DST since 2016
const REMINDER_HOUR = 10;

export interface AppointmentText {
  subject: string;
  body: string;
}

export function bookedText(name: string, at: Date, location: string | null): AppointmentText {
  return {
    subject: 'Belediye Başkanı ile görüşme randevunuz',
    body: `Sayın ${name}, Belediye Başkanımız ile görüşme randevunuz ${DATE.format(at)} saat ${TIME.format(at)} olarak belirlenmiştir.${location ? ` Yer: ${location}.` : ''} Özel Kalem Müdürlüğü`,
  };
}

export function reminderText(name: string, at: Date, location: string | null): AppointmentText {
  return {
    subject: 'Hatırlatma: yarınki randevunuz',
    body: `Hatırlatma: Sayın ${name}, Belediye Başkanımız ile görüşme randevunuz yarın, ${DATE.format(at)} saat ${TIME.format(at)}.${location ? ` Yer: ${location}.` : ''} Gelemeyecekseniz lütfen bize bildiriniz. Özel Kalem Müdürlüğü`,
  };
}

export function declinedText(name: string, reason: string): AppointmentText {
  return {
    subject: 'Görüşme talebiniz hakkında',
    body: `Sayın ${name}, Belediye Başkanımız ile görüşme talebiniz karşılanamamıştır. Gerekçe: ${reason} Özel Kalem Müdürlüğü`,
  };
}

export function cancelledText(name: string, at: Date, reason: string): AppointmentText {
  return {
    subject: 'Randevunuz iptal edildi',
    body: `Sayın ${name}, ${DATE.format(at)} saat ${TIME.format(at)} tarihli Belediye Başkanı randevunuz iptal edilmiştir. Gerekçe: ${reason} Özel Kalem Müdürlüğü`,
  };
}

/** 10:00 Istanbul time on the day before the meeting; null when that moment has already passed. */
export function reminderAt(meetingAt: Date, now: Date): Date | null {
  const local = new Date(meetingAt.getTime() + ISTANBUL_OFFSET_MS);
  const dayBefore = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - 1, REMINDER_HOUR) - ISTANBUL_OFFSET_MS;
  return dayBefore > now.getTime() ? new Date(dayBefore) : null;
}
