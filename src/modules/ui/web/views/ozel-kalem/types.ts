export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  appointmentId: string | null;
  free: boolean;
}

export interface Appointment {
  id: string;
  requesterKind: string;
  requesterName: string;
  institutionName: string | null;
  phone: string | null;
  email: string | null;
  channel: string;
  subject: string;
  status: string;
  slotId: string | null;
  scheduledAt: string | null;
  reason: string | null;
  note: string | null;
  createdAt: string;
  forwardedAt: string | null;
  forwardNote: string | null;
  mayorDecision: string | null;
  mayorNote: string | null;
  decidedAt: string | null;
}

const OFFSET = 3 * 3_600_000; // Istanbul keeps UTC+3 all year.

/** The Istanbul calendar day of an instant, as YYYY-MM-DD. */
export const dayKey = (at: Date | string): string => new Date(new Date(at).getTime() + OFFSET).toISOString().slice(0, 10);

/** The Monday (Istanbul) of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant an Istanbul day starts. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00+03:00`);

const hm = new Intl.DateTimeFormat('tr-TR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Istanbul' });
const dayName = new Intl.DateTimeFormat('tr-TR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Istanbul' });
export const clockTime = (iso: string): string => hm.format(new Date(iso));
export const dayTitle = (day: string): string => dayName.format(dayStart(day));
