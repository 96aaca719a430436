import { LawHoliday, lawHolidays } from './turkish-holidays';
import { cutAt, DEFAULT_WORKING_HOURS, parseWorkingHours, WorkingPeriod } from './working-hours';
import { addDays, fromLocal, LocalDate, toLocal, weekday } from './zoned-time';

export enum OverrideKind {
  /** A bridge day or any extra whole day off the government or the council grants. */
  DayOff = 'day_off',
  /** The afternoon off from 13:00, like an eve. */
  HalfDayOff = 'half_day_off',
  /** Open with full hours although a weekend or a holiday (the Saturday that makes up a bridge day). */
  WorkingDay = 'working_day',
}

export interface CalendarOverride {
  date: LocalDate;
  kind: OverrideKind;
  reason?: string | null;
}

export interface CalendarOptions {
  /** `08:30-12:30,13:30-17:30` style, or parsed periods. */
  workingHours?: string | readonly WorkingPeriod[];
  overrides?: readonly CalendarOverride[];
  timeZone?: string;
}

/** What a date is, as the calendar sees it. */
export interface DayInfo {
  date: LocalDate;
  holiday: LawHoliday | null;
  override: CalendarOverride | null;
  /** Empty on a day off. */
  periods: WorkingPeriod[];
}

/** Law 2429: the eves are off "from 13:00". */
const HALF_DAY_FROM = 13 * 60;
const MINUTE = 60_000;
// Far enough that no real calendar runs out of working days before it; a guard against a loop.
const HORIZON_DAYS = 3 * 366;

/**
 * Working time of a Turkish public office in Europe/Istanbul: Monday to Friday within the
 * working hours, minus Law 2429's holidays (eves off from 13:00), with the editable overrides
 * on top. Pure: build a new one when the overrides or the hours change.
 *
 * Every clock starts at the first working instant at or after the request: a petition handed
 * in on Saturday or after hours is the office's on the next working morning.
 *
 * **N working days** is what an official counts on the wall calendar: from that starting
 * instant, go forward N days that have working hours (a half day counts as a day), keep the
 * time of day, and if that instant is not working time (lunch, an eve's afternoon, after a
 * shortened day) take the next working instant. A request on Friday at 16:00 with 1 working
 * day is due Monday at 16:00; if Monday is a bridge day, Tuesday at 16:00.
 *
 * **N working hours/minutes** consume working time only; a deadline that uses up a period
 * exactly is due at that period's end (17:30, not the next morning).
 *
 * **N calendar days** keep the wall-clock time N dates later and skip nothing (Law 3071's
 * 30 days); `endOnWorkingTime` moves a result outside working time to the next working instant.
 */
export class BusinessCalendar {
  readonly workingHours: readonly WorkingPeriod[];
  readonly timeZone: string;
  private readonly overrides = new Map<LocalDate, CalendarOverride>();
  private readonly holidaysByYear = new Map<number, Map<LocalDate, LawHoliday>>();
  private readonly days = new Map<LocalDate, DayInfo>();
  private readonly intervals = new Map<LocalDate, [number, number][]>();

  constructor(options: CalendarOptions = {}) {
    const hours = options.workingHours ?? DEFAULT_WORKING_HOURS;
    this.workingHours = typeof hours === 'string' ? parseWorkingHours(hours) : hours;
    this.timeZone = options.timeZone ?? 'Europe/Istanbul';
    for (const override of options.overrides ?? []) this.overrides.set(override.date, override);
  }

  /** Law 2429's holidays of a year, as listed for people (overrides are separate). */
  lawHolidays(year: number): LawHoliday[] {
    return [...this.holidayMap(year).values()];
  }

  day(date: LocalDate): DayInfo {
    let info = this.days.get(date);
    if (!info) {
      const holiday = this.holidayMap(Number(date.slice(0, 4))).get(date) ?? null;
      const override = this.overrides.get(date) ?? null;
      info = { date, holiday, override, periods: this.periodsOf(date, holiday, override) };
      this.days.set(date, info);
    }
    return info;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.day(date).periods.length > 0;
  }

  isWorkingTime(at: Date): boolean {
    const t = at.getTime();
    return this.intervalsOf(toLocal(t, this.timeZone).date).some(([start, end]) => start <= t && t < end);
  }

  /** `at` itself when it is working time, otherwise the start of the next working period. */
  nextWorkingInstant(at: Date): Date {
    const t = at.getTime();
    let date = toLocal(t, this.timeZone).date;
    for (let i = 0; i < HORIZON_DAYS; i += 1, date = addDays(date, 1)) {
      for (const [start, end] of this.intervalsOf(date)) if (t < end) return new Date(Math.max(t, start));
    }
    throw new RangeError(`no working time within ${HORIZON_DAYS} days of ${at.toISOString()}`);
  }

  addWorkingDays(from: Date, days: number): Date {
    assertAmount(days);
    const start = this.nextWorkingInstant(from);
    const local = toLocal(start.getTime(), this.timeZone);
    let date = local.date;
    for (let left = days, steps = 0; left > 0; steps += 1) {
      if (steps > HORIZON_DAYS + 7 * days) throw new RangeError(`no ${days} working days after ${from.toISOString()}`);
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left -= 1;
    }
    return this.nextWorkingInstant(new Date(fromLocal(date, local.msOfDay, this.timeZone)));
  }

  addWorkingMinutes(from: Date, minutes: number): Date {
    assertAmount(minutes);
    const t = this.nextWorkingInstant(from).getTime();
    let left = minutes * MINUTE;
    let date = toLocal(t, this.timeZone).date;
    for (let i = 0; i < HORIZON_DAYS; i += 1, date = addDays(date, 1)) {
      for (const [start, end] of this.intervalsOf(date)) {
        if (end <= t) continue;
        const begin = Math.max(start, t);
        if (left <= end - begin) return new Date(begin + left);
        left -= end - begin;
      }
    }
    throw new RangeError(`no working time within ${HORIZON_DAYS} days of ${from.toISOString()}`);
  }

  addWorkingHours(from: Date, hours: number): Date {
    assertAmount(hours);
    return this.addWorkingMinutes(from, hours * 60);
  }

  /** Working minutes between two instants (negative when `to` is before `from`); may be fractional. */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingMinutesBetween(to, from);
    const a = from.getTime();
    const b = to.getTime();
    let total = 0;
    const last = toLocal(b, this.timeZone).date;
    for (let date = toLocal(a, this.timeZone).date; date <= last; date = addDays(date, 1)) {
      for (const [start, end] of this.intervalsOf(date)) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
    return total / MINUTE;
  }

  addCalendarDays(from: Date, days: number, options: { endOnWorkingTime?: boolean } = {}): Date {
    assertAmount(days);
    const local = toLocal(from.getTime(), this.timeZone);
    const due = new Date(fromLocal(addDays(local.date, days), local.msOfDay, this.timeZone));
    return options.endOnWorkingTime ? this.nextWorkingInstant(due) : due;
  }

  private periodsOf(date: LocalDate, holiday: LawHoliday | null, override: CalendarOverride | null): WorkingPeriod[] {
    switch (override?.kind) {
      case OverrideKind.WorkingDay:
        return [...this.workingHours];
      case OverrideKind.DayOff:
        return [];
      case OverrideKind.HalfDayOff:
        // A half day granted on a day that was off anyway gives no hours back.
        if (holiday?.length === 'full' || isWeekend(date)) return [];
        return cutAt(this.workingHours, HALF_DAY_FROM);
    }
    if (isWeekend(date) || holiday?.length === 'full') return [];
    return holiday?.length === 'half' ? cutAt(this.workingHours, HALF_DAY_FROM) : [...this.workingHours];
  }

  /** The day's working periods as UTC millisecond intervals. */
  /** The working stretches of a date as [start, end) instants in epoch ms (reports tabulate them for SQL). */
  workingIntervals(date: LocalDate): readonly (readonly [number, number])[] {
    return this.intervalsOf(date);
  }

  private intervalsOf(date: LocalDate): [number, number][] {
    let found = this.intervals.get(date);
    if (!found) {
      found = this.day(date).periods.map((p) => [fromLocal(date, p.start * MINUTE, this.timeZone), fromLocal(date, p.end * MINUTE, this.timeZone)]);
      this.intervals.set(date, found);
    }
    return found;
  }

  private holidayMap(year: number): Map<LocalDate, LawHoliday> {
    let map = this.holidaysByYear.get(year);
    if (!map) {
      map = new Map(lawHolidays(year).map((h) => [h.date, h]));
      this.holidaysByYear.set(year, map);
    }
    return map;
  }
}

function isWeekend(date: LocalDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

function assertAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`amount must be a non-negative number, got ${amount}`);
}
