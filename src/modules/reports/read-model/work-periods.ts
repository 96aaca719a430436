import { addDays, BusinessCalendar, LocalDate } from '@app/calendar';

export interface WorkPeriods {
  startAt: Date[];
  minutes: number[];
  /** Working minutes in all earlier periods: the working-time ordinal at each period's start. */
  cumMinutes: number[];
}

/**
 * The calendar's working stretches from `from` to `to` (dates inclusive), numbered by the
 * working minutes before each, so SQL can compute `workingMinutesBetween(a, b)` as
 * ordinal(b) − ordinal(a) with one index look-up per instant.
 */
export function workPeriods(calendar: BusinessCalendar, from: LocalDate, to: LocalDate): WorkPeriods {
  const result: WorkPeriods = { startAt: [], minutes: [], cumMinutes: [] };
  let total = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const [start, end] of calendar.workingIntervals(date)) {
      const minutes = (end - start) / 60_000;
      result.startAt.push(new Date(start));
      result.minutes.push(minutes);
      result.cumMinutes.push(total);
      total += minutes;
    }
  }
  return result;
}

/** Minutes of a full working day under the configured hours: what "one working day" of duration means. */
export function workingDayMinutes(calendar: BusinessCalendar): number {
  return calendar.workingHours.reduce((sum, p) => sum + p.end - p.start, 0);
}
