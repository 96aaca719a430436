import { BusinessCalendar, DEFAULT_PERIOD_RULE, endOfCalendarDays, endOfWorkingDays, PeriodEndRule } from '@app/calendar';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';

/** How a policy's calendar-day periods end (the policy's own choice; defaults for process steps). */
export function periodRuleOf(policy?: Partial<Pick<DeadlinePolicy, 'calendarDayEnd' | 'extendPastDayOff'>> | null): PeriodEndRule {
  return {
    dayEnd: policy?.calendarDayEnd ?? DEFAULT_PERIOD_RULE.dayEnd,
    extendPastDayOff: policy?.extendPastDayOff ?? DEFAULT_PERIOD_RULE.extendPastDayOff,
  };
}

/**
 * When a period of `amount` `unit` begun at `from` ends (see `legal-periods.ts`): working days
 * at the close of the last one, calendar days at the end (or close) of the last date, moved
 * past a day off when the rule says so; working hours consume office time only.
 */
export function addDuration(calendar: BusinessCalendar, from: Date, amount: number, unit: DurationUnit, rule: PeriodEndRule = DEFAULT_PERIOD_RULE): Date {
  switch (unit) {
    case DurationUnit.CalendarDays:
      return endOfCalendarDays(calendar, from, amount, rule);
    case DurationUnit.WorkingDays:
      return endOfWorkingDays(calendar, from, amount);
    case DurationUnit.WorkingHours:
      return calendar.addWorkingHours(from, amount);
  }
}

export interface DueDates {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date;
}

export function dueDatesFor(policy: DeadlinePolicy, from: Date, calendar: BusinessCalendar): DueDates {
  const rule = periodRuleOf(policy);
  return {
    firstResponseDueAt:
      policy.firstResponseAmount && policy.firstResponseUnit ? addDuration(calendar, from, policy.firstResponseAmount, policy.firstResponseUnit, rule) : null,
    resolutionDueAt: addDuration(calendar, from, policy.resolutionAmount, policy.resolutionUnit, rule),
  };
}
