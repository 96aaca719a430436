import Holidays from 'date-holidays';
import { addDays, LocalDate } from './zoned-time';

/** A whole day off, or the afternoon off from 13:00 (the eves: arife and 28 October). */
export type HolidayLength = 'full' | 'half';

export interface LawHoliday {
  date: LocalDate;
  name: string;
  length: HolidayLength;
}

/** Law 2429's fixed days (with the year each was first kept), and 28 October's afternoon. */
const FIXED: { monthDay: string; name: string; length: HolidayLength; since?: number }[] = [
  { monthDay: '01-01', name: 'Yılbaşı', length: 'full' },
  { monthDay: '04-23', name: 'Ulusal Egemenlik ve Çocuk Bayramı', length: 'full' },
  { monthDay: '05-01', name: 'Emek ve Dayanışma Günü', length: 'full', since: 2009 },
  { monthDay: '05-19', name: "Atatürk'ü Anma, Gençlik ve Spor Bayramı", length: 'full' },
  { monthDay: '07-15', name: 'Demokrasi ve Millî Birlik Günü', length: 'full', since: 2017 },
  { monthDay: '08-30', name: 'Zafer Bayramı', length: 'full' },
  { monthDay: '10-28', name: 'Cumhuriyet Bayramı Arifesi', length: 'half' },
  { monthDay: '10-29', name: 'Cumhuriyet Bayramı', length: 'full' },
];

/** The two feasts: the eve's afternoon plus 3 days (Ramazan) or 4 days (Kurban). */
const FEASTS = [
  { rule: /^1 Shawwal\b/, name: 'Ramazan Bayramı', days: 3 },
  { rule: /^10 Dhu al-Hijjah\b/, name: 'Kurban Bayramı', days: 4 },
];

let source: Holidays | undefined;

/**
 * The first day of each feast that touches `year`. date-holidays gives only the first day of
 * each, as "YYYY-MM-DD 00:00:00 -0600" with start/end instants that begin at the previous
 * sunset and stop at an odd hour; only the calendar date in `date` is trusted here.
 */
function feastStarts(year: number): { first: LocalDate; name: string; days: number }[] {
  source ??= new Holidays('TR');
  // A feast at the turn of the year spills into the next one (its eve into the previous).
  return [year - 1, year, year + 1].flatMap((y) =>
    source!.getHolidays(y).flatMap((holiday) => {
      const feast = FEASTS.find((f) => f.rule.test(holiday.rule));
      return feast ? [{ first: holiday.date.slice(0, 10), name: feast.name, days: feast.days }] : [];
    }),
  );
}

/**
 * Every official holiday of Law 2429 (Ulusal Bayram ve Genel Tatiller Hakkında Kanun) in a
 * year, in date order. Where two fall on one date, the whole day wins over the half.
 */
export function lawHolidays(year: number): LawHoliday[] {
  const byDate = new Map<LocalDate, LawHoliday>();
  const add = (holiday: LawHoliday) => {
    if (!holiday.date.startsWith(`${year}-`)) return;
    const present = byDate.get(holiday.date);
    if (!present || (present.length === 'half' && holiday.length === 'full')) byDate.set(holiday.date, holiday);
  };
  for (const day of FIXED) {
    if (!day.since || year >= day.since) add({ date: `${year}-${day.monthDay}`, name: day.name, length: day.length });
  }
  for (const feast of feastStarts(year)) {
    add({ date: addDays(feast.first, -1), name: `${feast.name} Arifesi`, length: 'half' });
    for (let i = 0; i < feast.days; i += 1) {
      add({ date: addDays(feast.first, i), name: `${feast.name} ${i + 1}. gün`, length: 'full' });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
