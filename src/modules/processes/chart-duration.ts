import { DurationUnit } from '../sla';
import { StepDuration } from './process-definition';

const UNITS: Record<string, { unit: StepDuration['unit']; days: number }> = {
  // Days in the charts are office days: official letters are written and registered on working days.
  gun: { unit: DurationUnit.WorkingDays, days: 1 },
  // Weeks and months run by the calendar, holidays included, as the ministries and the council count them.
  hafta: { unit: DurationUnit.CalendarDays, days: 7 },
  ay: { unit: DurationUnit.CalendarDays, days: 30 },
};

/**
 * Reads a workflow chart's time column ("1-3 gün", "1 hafta", "2 - 3 Ay") as a duration: a range
 * is kept as its two ends, and weeks and months become calendar days.
 */
export function parseChartDuration(text: string): StepDuration {
  const folded = text.toLocaleLowerCase('tr-TR').replace(/ü/g, 'u').replace(/[–—]/g, '-').trim();
  const match = /^(\d+)\s*(?:-\s*(\d+))?\s*(gun|hafta|ay)$/.exec(folded);
  if (!match) throw new Error(`unreadable duration "${text}"`);
  const { unit, days } = UNITS[match[3]];
  const min = Number(match[1]) * days;
  const max = Number(match[2] ?? match[1]) * days;
  if (max < min) throw new Error(`duration "${text}" ends before it starts`);
  return { min, max, unit };
}
