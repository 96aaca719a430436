import type { LegalBasis, TicketChannel } from '@app/domain';

export type Interval = 'day' | 'week' | 'month';
export const INTERVALS: Record<Interval, string> = { day: 'Gün', week: 'Hafta', month: 'Ay' };
export const NO_DEPT = 'Birimi belirlenmemiş';
const DAY = 86_400_000;
const istanbulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' });
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today in Istanbul and 29 days before: the last 30 days, both ends included. */
export function lastThirtyDays() {
  const to = istanbulDate.format(new Date());
  return { from: iso(Date.parse(to) - 29 * DAY), to };
}

/** Every period start between from and to, as the API's date_trunc names them, so empty days show as gaps. */
export function periods(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  const d = new Date(Date.parse(from));
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (interval === 'month') d.setUTCDate(1);
  while (d.getTime() <= Date.parse(to)) {
    out.push(iso(d.getTime()));
    if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  }
  return out;
}

export const periodLabel = (p: string, interval: Interval) => (interval === 'month' ? p.slice(0, 7) : `${p.slice(8, 10)}.${p.slice(5, 7)}`);

export interface Report<R> {
  rows: R[];
  asOf?: string;
  period: { from: string; to: string };
}
export interface VolumeRow {
  period: string;
  channel: TicketChannel;
  tickets: number;
}
export interface ResolutionRow {
  label: string | null;
  resolved: number;
  workingDaysMedian: number | null;
  workingDaysP90: number | null;
  workingDaysMean: number | null;
  daysMedian: number | null;
  /** Approximate when read from histograms (within 2 %), see the resolution-times report. */
  percentiles: 'exact' | 'approximate';
}
export interface ComplianceRow {
  legalBasis: LegalBasis | null;
  policy: string | null;
  tickets: number;
  resolutionMet: number;
  resolutionMissed: number;
  resolutionPending: number;
  resolutionMetPercent: number | null;
  firstResponseMetPercent: number | null;
}
export interface EscalationRow {
  department: string | null;
  tickets: number;
  warnings: number;
  breaches: number;
  escalatedAbove: number;
}
export interface MahalleRow {
  mahalle: string | null;
  tickets: number;
  open: number;
  resolutionDaysMean: number | null;
  deadlineMetPercent: number | null;
}
export interface SummaryRow {
  tickets?: number;
  resolved?: number;
  open?: number;
  answeredSameDayPercent?: number | null;
  solvedDuringCallPercent?: number | null;
}

export interface Data {
  interval: Interval;
  volume: Report<VolumeRow>;
  resolution: ResolutionRow[];
  compliance: ComplianceRow[];
  escalations: EscalationRow[];
  mahalleler: MahalleRow[];
  summary: SummaryRow;
}

/** The reports block of the manager view: a period and department picker above the charts. */
