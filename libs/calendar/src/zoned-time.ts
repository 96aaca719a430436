/** A day as the municipality's wall calendar names it: `YYYY-MM-DD`. */
export type LocalDate = string;

const MINUTE = 60_000;
export const DAY_MS = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: building one costs about a millisecond.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and the milliseconds since local midnight of an instant in `timeZone`. */
export function toLocal(at: number, timeZone: string): { date: LocalDate; msOfDay: number } {
  const local = at + offsetAt(at, timeZone);
  const msOfDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(local - msOfDay).toISOString().slice(0, 10), msOfDay };
}

/** Offset of `timeZone` from UTC at an instant, in ms (Istanbul: +3 h since 2016, +2/+3 with summer time before). */
function offsetAt(at: number, timeZone: string): number {
  return steadyOffset(at, timeZone) ?? wallClockOffset(at, timeZone);
}

const HOUR_MS = 60 * MINUTE;
const OFFSETS_KEPT = 50_000;
/** `zone hour` → the zone's offset through that whole UTC hour, or null when it changes within it. */
const steadyOffsets = new Map<string, number | null>();

/**
 * The offset of the UTC hour `at` falls in, when it is the same at its first and last
 * millisecond (zones change offset at most once an hour): asking Intl costs microseconds,
 * and the deadline clocks ask for every ticket.
 */
function steadyOffset(at: number, timeZone: string): number | null {
  const hour = Math.floor(at / HOUR_MS);
  const key = `${timeZone} ${hour}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    const first = wallClockOffset(hour * HOUR_MS, timeZone);
    offset = first === wallClockOffset((hour + 1) * HOUR_MS - 1, timeZone) ? first : null;
    if (steadyOffsets.size >= OFFSETS_KEPT) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  return offset;
}

/** Offset of `timeZone` from UTC at an instant, in ms, as the platform's tz database has it. */
function wallClockOffset(at: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` plus `msOfDay`. The zone's
 * offset is read from the platform's tz database rather than assumed, so dates before 2016
 * (when Türkiye still had summer time) come out right too.
 */
export function fromLocal(date: LocalDate, msOfDay: number, timeZone: string): number {
  const naive = dayStartUtc(date) + msOfDay;
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return second;
}

export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(dayStartUtc(value)).toISOString().slice(0, 10) === value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(dayStartUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(dayStartUtc(date)).getUTCDay();
}

function dayStartUtc(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The wall-calendar date of an instant in `timeZone` (Istanbul by default). */
export function localDateOf(at: Date, timeZone = 'Europe/Istanbul'): LocalDate {
  return toLocal(at.getTime(), timeZone).date;
}

/** The last millisecond of a wall-calendar date in `timeZone`: a deadline "on" that date, at its end. */
export function endOfLocalDay(date: LocalDate, timeZone = 'Europe/Istanbul'): Date {
  return new Date(fromLocal(addDays(date, 1), 0, timeZone) - 1);
}
