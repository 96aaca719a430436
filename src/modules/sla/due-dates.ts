import { BusinessCalendar } from '@app/calendar';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';

/**
 * Adds a policy duration to an instant on the business calendar (see `BusinessCalendar` for
 * what a working day is). Calendar days run straight through weekends and holidays and keep
 * the wall-clock time: the laws counted in days (3071, KVKK) do not stop for holidays, and a
 * due date is never later than the law's.
 */
export function addDuration(calendar: BusinessCalendar, from: Date, amount: number, unit: DurationUnit): Date {
  switch (unit) {
    case DurationUnit.CalendarDays:
      return calendar.addCalendarDays(from, amount);
    case DurationUnit.WorkingDays:
      return calendar.addWorkingDays(from, amount);
    case DurationUnit.WorkingHours:
      return calendar.addWorkingHours(from, amount);
  }
}

export interface DueDates {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date;
}

export function dueDatesFor(policy: DeadlinePolicy, from: Date, calendar: BusinessCalendar): DueDates {
  return {
    firstResponseDueAt:
      policy.firstResponseAmount && policy.firstResponseUnit ? addDuration(calendar, from, policy.firstResponseAmount, policy.firstResponseUnit) : null,
    resolutionDueAt: addDuration(calendar, from, policy.resolutionAmount, policy.resolutionUnit),
  };
}
