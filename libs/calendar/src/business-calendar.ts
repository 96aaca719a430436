import { LawHoliday, lawHolidays } from './turkish-holidays';
import { parseWeeklyHours, weekdaysOnly, WeeklyHours } from './weekly-hours';
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
  /** Monday to Friday: `08:30-12:30,13:30-17:30` style, or parsed periods. */
  workingHours?: string | readonly WorkingPeriod[];
  /** Any days, any hours (`Mon-Sun 00:00-24:00`, see `parseWeeklyHours`); replaces `workingHours`' week. */
  weeklyHours?: string | WeeklyHours;
  /**
   * `closed` (default): Law 2429's holidays and the overrides apply. `open`: a service that
   * keeps its weekly hours on holidays too (a call centre), so neither applies.
   */
  holidays?: 'closed' | 'open';
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
  /**
   * When the day's work ends, in minutes since local midnight (null on a day off): the end of
   * its last period, and on an eve Law 2429's 13:00 (the lunch break before it is still the
   * working day's). A deadline that ends "on" this day ends here.
   */
  closesAt: number | null;
}

/** Law 2429: the eves are off "from 13:00". */
const HALF_DAY_FROM = 13 * 60;
const MINUTE = 60_000;
// Far enough that no real calendar runs out of working days before it; a guard against a loop.
const HORIZON_DAYS = 3 * 366;

/**
 * Working time of a Turkish public office in Europe/Istanbul: Monday to Friday within the
 * working hours (or any week `weeklyHours` gives), minus Law 2429's holidays (eves off from
 * 13:00), with the editable overrides on top. Pure: build a new one when the overrides or the
 * hours change.
 *
 * **N working hours/minutes** consume working time only, from the first working instant at or
 * after the request; a deadline that uses up a period exactly is due at that period's end
 * (17:30, not the next morning). Periods counted in days end at the close of their last day:
 * see `legal-periods.ts`.
 */
export class BusinessCalendar {
  /** An ordinary weekday's periods: what "one working day" of duration means in reports. */
  readonly workingHours: readonly WorkingPeriod[];
  readonly timeZone: string;
  private readonly week: WeeklyHours;
  private readonly observesHolidays: boolean;
  private readonly overrides = new Map<LocalDate, CalendarOverride>();
  private readonly holidaysByYear = new Map<number, Map<LocalDate, LawHoliday>>();
  private readonly days = new Map<LocalDate, DayInfo>();
  private readonly intervals = new Map<LocalDate, [number, number][]>();

  constructor(options: CalendarOptions = {}) {
    const hours = options.workingHours ?? DEFAULT_WORKING_HOURS;
    const weekdays = typeof hours === 'string' ? parseWorkingHours(hours) : hours;
    const weekly = options.weeklyHours;
    this.week = weekly === undefined ? weekdaysOnly(weekdays) : typeof weekly === 'string' ? parseWeeklyHours(weekly) : weekly;
    this.workingHours = weekly === undefined ? weekdays : (this.week.slice(1, 6).find((p) => p.length) ?? this.week.find((p) => p.length) ?? []);
    this.timeZone = options.timeZone ?? 'Europe/Istanbul';
    this.observesHolidays = options.holidays !== 'open';
    if (this.observesHolidays) for (const override of options.overrides ?? []) this.overrides.set(override.date, override);
  }

  /** Law 2429's holidays of a year, as listed for people (overrides are separate). */
  lawHolidays(year: number): LawHoliday[] {
    return [...this.holidayMap(year).values()];
  }

  day(date: LocalDate): DayInfo {
    let info = this.days.get(date);
    if (!info) {
      const holiday = this.observesHolidays ? (this.holidayMap(Number(date.slice(0, 4))).get(date) ?? null) : null;
      const override = this.overrides.get(date) ?? null;
      const periods = this.periodsOf(date, holiday, override);
      const usual = this.week[weekday(date)];
      const closesAt = closingMinute(periods, this.halfDay(holiday, override) ? Math.min(usual[usual.length - 1]?.end ?? 0, HALF_DAY_FROM) : null);
      info = { date, holiday, override, periods, closesAt };
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

  /** The instant the working day `date` closes (see `DayInfo.closesAt`), or null on a day off. */
  closeOf(date: LocalDate): Date | null {
    const minute = this.day(date).closesAt;
    return minute === null ? null : new Date(fromLocal(date, minute * MINUTE, this.timeZone));
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

  private periodsOf(date: LocalDate, holiday: LawHoliday | null, override: CalendarOverride | null): WorkingPeriod[] {
    const usual = this.week[weekday(date)];
    switch (override?.kind) {
      case OverrideKind.WorkingDay:
        return [...(usual.length ? usual : this.workingHours)];
      case OverrideKind.DayOff:
        return [];
      case OverrideKind.HalfDayOff:
        // A half day granted on a day that was off anyway gives no hours back.
        if (holiday?.length === 'full') return [];
        return cutAt(usual, HALF_DAY_FROM);
    }
    if (holiday?.length === 'full') return [];
    return holiday?.length === 'half' ? cutAt(usual, HALF_DAY_FROM) : [...usual];
  }

  private halfDay(holiday: LawHoliday | null, override: CalendarOverride | null): boolean {
    if (override) return override.kind === OverrideKind.HalfDayOff;
    return holiday?.length === 'half';
  }

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

/** The day's close: its last period's end, or on a half day the cut (13:00, or earlier if the day ends before). */
function closingMinute(periods: readonly WorkingPeriod[], halfDayCut: number | null): number | null {
  if (!periods.length) return null;
  return halfDayCut ?? periods[periods.length - 1].end;
}

function assertAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`amount must be a non-negative number, got ${amount}`);
}
