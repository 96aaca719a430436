/** A stretch of a working day, in minutes since local midnight; `end` is exclusive. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** A Turkish municipality's usual day: 08:30–17:30 with the 12:30–13:30 lunch break. */
export const DEFAULT_WORKING_HOURS = '08:30-12:30,13:30-17:30';

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Reads `08:30-12:30,13:30-17:30`: comma-separated HH:MM-HH:MM periods, in order, not
 * overlapping. Throws a RangeError saying what is wrong, so boot can name the setting.
 */
export function parseWorkingHours(text: string): WorkingPeriod[] {
  const periods = text.split(',').map((part) => {
    const match = PERIOD.exec(part.trim());
    if (!match) throw new RangeError(`"${part.trim()}" is not a period like 08:30-17:30`);
    const [, sh, sm, eh, em] = match.map(Number);
    return { start: sh * 60 + sm, end: eh * 60 + em };
  });
  periods.forEach((period, i) => {
    if (period.end <= period.start || period.end > 24 * 60) throw new RangeError(`period ${i + 1} ends before it starts`);
    if (i > 0 && period.start < periods[i - 1].end) throw new RangeError(`period ${i + 1} overlaps or precedes period ${i}`);
  });
  return periods;
}

/** The periods cut at `minute`: what is left of a day whose afternoon is off. */
export function cutAt(periods: readonly WorkingPeriod[], minute: number): WorkingPeriod[] {
  return periods.filter((p) => p.start < minute).map((p) => ({ start: p.start, end: Math.min(p.end, minute) }));
}
