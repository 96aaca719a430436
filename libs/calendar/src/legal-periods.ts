import { BusinessCalendar } from './business-calendar';
import { addDays, fromLocal, LocalDate, toLocal } from './zoned-time';

/** Where the last day of a period counted in calendar days ends. */
export enum DayEnd {
  /** At the end of the day, 23:59:59.999 (what a citizen filing online can still use). */
  Midnight = 'midnight',
  /** When the office closes that day ("son günün tatil saatinde", HMK art. 92/1). */
  CloseOfBusiness = 'close_of_business',
}

/** How a period of calendar days ends; a municipality's deadline policy chooses it. */
export interface PeriodEndRule {
  dayEnd: DayEnd;
  /** A last day that is no working day moves to the next working day (HMK art. 93, İYUK art. 8/2). */
  extendPastDayOff: boolean;
}

export const DEFAULT_PERIOD_RULE: PeriodEndRule = { dayEnd: DayEnd.Midnight, extendPastDayOff: true };

const DAY_LIMIT = 3 * 366;

/**
 * The end of a period of `days` working days begun at `from`: the day of the request does not
 * count (HMK art. 92/1: "tebliğ ... olunan gün hesaba katılmaz"), each later day with working
 * hours counts as one (an eve's half day too), and the period ends when the last one's working
 * hours end ("son günün tatil saatinde biter") — on an eve at 13:00. 15 working days from
 * Wednesday 7 October 2026 end on Wednesday 28 October at 13:00, the eve of Republic Day.
 * Zero days: the close of the request's own day if it is still open, else of the next working day.
 */
export function endOfWorkingDays(calendar: BusinessCalendar, from: Date, days: number): Date {
  assertDays(days);
  let date = toLocal(from.getTime(), calendar.timeZone).date;
  if (days === 0) {
    const close = calendar.closeOf(date);
    if (close && close > from) return close;
  }
  for (let left = Math.max(days, 1), steps = 0; left > 0; steps += 1) {
    if (steps > DAY_LIMIT + 7 * days) throw new RangeError(`no ${days} working days after ${from.toISOString()}`);
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) left -= 1;
  }
  return calendar.closeOf(date)!;
}

/**
 * The end of a period of `days` calendar days begun at `from`: holidays and weekends count
 * (HMK art. 93/1: "Resmî tatil günleri süreye dahildir"), the request's own day does not, and
 * the period ends on the day `days` dates later — at its end or at its close, as the rule says;
 * a last day that is not a working day moves to the next working day when the rule says so.
 */
export function endOfCalendarDays(calendar: BusinessCalendar, from: Date, days: number, rule: PeriodEndRule = DEFAULT_PERIOD_RULE): Date {
  assertDays(days);
  return endOfLastDay(calendar, addDays(toLocal(from.getTime(), calendar.timeZone).date, days), rule);
}

/**
 * A deadline moved to `at` (by a pause) still ends at the close of a day: of the day `at` falls
 * on for working-day periods (the next working day's if that one has none), by the rule for
 * calendar-day ones.
 */
export function periodEndOn(calendar: BusinessCalendar, at: Date, workingDays: boolean, rule: PeriodEndRule = DEFAULT_PERIOD_RULE): Date {
  const date = toLocal(at.getTime(), calendar.timeZone).date;
  if (!workingDays) return endOfLastDay(calendar, date, rule);
  const close = calendar.closeOf(date);
  return close && close >= at ? close : endOfWorkingDays(calendar, at, 1);
}

function endOfLastDay(calendar: BusinessCalendar, last: LocalDate, rule: PeriodEndRule): Date {
  let date = last;
  for (let steps = 0; rule.extendPastDayOff && !calendar.isWorkingDay(date); steps += 1) {
    if (steps > DAY_LIMIT) throw new RangeError(`no working day after ${last}`);
    date = addDays(date, 1);
  }
  const close = rule.dayEnd === DayEnd.CloseOfBusiness ? calendar.closeOf(date) : null;
  return close ?? new Date(fromLocal(addDays(date, 1), 0, calendar.timeZone) - 1);
}

function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number of days, got ${days}`);
}
