import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';

const DAY = 24 * 3600 * 1000;

/**
 * Adds a policy duration to an instant. Calendar days are exact; working days and hours
 * skip Saturdays and Sundays in Europe/Istanbul (UTC+3 all year) but not yet public holidays —
 * the holiday-aware business calendar replaces this (issue 5).
 */
export function addDuration(from: Date, amount: number, unit: DurationUnit): Date {
  if (unit === DurationUnit.CalendarDays) return new Date(from.getTime() + amount * DAY);
  const step = unit === DurationUnit.WorkingDays ? DAY : 3600 * 1000;
  let remaining = amount;
  let at = from.getTime();
  while (remaining > 0) {
    at += step;
    if (!isWeekendInIstanbul(new Date(at))) remaining -= 1;
  }
  return new Date(at);
}

function isWeekendInIstanbul(at: Date): boolean {
  const day = new Date(at.getTime() + 3 * 3600 * 1000).getUTCDay();
  return day === 0 || day === 6;
}

export interface DueDates {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date;
}

export function dueDatesFor(policy: DeadlinePolicy, from: Date): DueDates {
  return {
    firstResponseDueAt:
      policy.firstResponseAmount && policy.firstResponseUnit
        ? addDuration(from, policy.firstResponseAmount, policy.firstResponseUnit)
        : null,
    resolutionDueAt: addDuration(from, policy.resolutionAmount, policy.resolutionUnit),
  };
}
