import type { Mahalle } from '../views/types';

export type ActivityKind = 'coordination_meeting' | 'visit';

export { MUHTAR_ACTIVITY_KIND_LABELS as ACTIVITY_KIND_LABELS } from '@app/domain';

export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  mahalleId: string | null;
  mahalle?: Mahalle | null;
  plannedAt: string;
  location: string | null;
  muhtarInformedAt: string | null;
  heldAt: string | null;
  attendance: number | null;
  cancelledAt: string | null;
  notes: string | null;
  ticketCount?: number;
}

export interface LinkedTicket {
  id: string;
  trackingNo: string;
  subject: string;
  kind: string;
  status: string;
  createdAt: string;
}

export interface InformMessage {
  id: string;
  recipient: string;
  state: string;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface ActivityDetail extends Activity {
  tickets: LinkedTicket[];
  messages: InformMessage[];
}

export interface Indicator {
  code: string;
  name: string;
  value: number | null;
  unit: 'count' | 'percent' | 'days';
  target: number;
  planPeriod: string;
  targetCarried: boolean;
  targetForPeriod: number;
  comparison: 'at_least' | 'at_most';
  met: boolean | null;
  weight: number;
  achievement: number | null;
  basis: Record<string, number>;
}

export interface IndicatorReport {
  period: { from: string; to: string; days: number };
  planBasis: string | null;
  indicators: Indicator[];
  score: { value: number | null; weightCounted: number; weightTotal: number };
}

/** An activity's state in words. */
export function activityState(a: Activity): string {
  if (a.cancelledAt) return 'İptal edildi';
  if (a.heldAt) return 'Yapıldı';
  if (a.muhtarInformedAt) return 'Muhtar bilgilendirildi';
  return 'Planlandı';
}

/** `YYYY-MM-DD` of a date in Istanbul. */
export const isoDay = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(d);

/** A `datetime-local` value (Istanbul wall time) as an instant; Istanbul is UTC+3 all year. */
export const fromLocalInput = (value: string): string => new Date(`${value}:00+03:00`).toISOString();
export const toLocalInput = (iso: string): string => new Date(new Date(iso).getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
