import { parseWorkingHours, WorkingPeriod } from './working-hours';

/** A week of working periods, indexed like `Date.getDay()`: 0 = Sunday … 6 = Saturday. */
export type WeeklyHours = readonly (readonly WorkingPeriod[])[];

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Monday to Friday with the same periods, the weekend off: the public office's week. */
export function weekdaysOnly(periods: readonly WorkingPeriod[]): WeeklyHours {
  return DAY_NAMES.map((_, day) => (day === 0 || day === 6 ? [] : [...periods]));
}

/**
 * Reads a week such as `Mon-Fri 08:30-17:30; Sat 09:00-13:00` or `Mon-Sun 00:00-24:00` (a
 * call centre that never closes): groups separated by `;`, each naming its days (a day, a range
 * `Mon-Fri`, or a list `Sat,Sun`) and then its periods as WORKING_HOURS writes them. Bare
 * periods without days (`08:30-17:30`) mean Monday to Friday. A day not named is closed; a day
 * named twice is refused. Throws a RangeError saying what is wrong.
 */
export function parseWeeklyHours(text: string): WeeklyHours {
  const trimmed = text.trim();
  if (/^\d/.test(trimmed)) return weekdaysOnly(parseWorkingHours(trimmed));
  const week: WorkingPeriod[][] = DAY_NAMES.map(() => []);
  const named = new Set<number>();
  for (const group of trimmed.split(';').map((g) => g.trim())) {
    const match = /^([A-Za-z,\- ]+?)\s+(\d.*)$/.exec(group);
    if (!match) throw new RangeError(`"${group}" is not days and hours like Mon-Fri 08:30-17:30`);
    const periods = parseWorkingHours(match[2]);
    for (const day of parseDays(match[1])) {
      if (named.has(day)) throw new RangeError(`${DAY_NAMES[day]} is named twice`);
      named.add(day);
      week[day] = periods;
    }
  }
  return week;
}

function parseDays(text: string): number[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .flatMap((part) => {
      const [from, to] = part.split('-').map(dayIndex);
      if (to === undefined) return [from];
      // Mon-Sun runs through the week's end; Fri-Mon wraps round it.
      const days: number[] = [];
      for (let d = from; ; d = (d + 1) % 7) {
        days.push(d);
        if (d === to) return days;
      }
    });
}

function dayIndex(name: string): number {
  const index = DAY_NAMES.indexOf(name.trim().slice(0, 3).toLowerCase() as (typeof DAY_NAMES)[number]);
  if (index < 0 || name.trim().length !== 3) throw new RangeError(`"${name.trim()}" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return index;
}
