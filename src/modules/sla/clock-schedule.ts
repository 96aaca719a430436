import { BusinessCalendar, DEFAULT_PERIOD_RULE, PeriodEndRule, periodEndOn } from '@app/calendar';
import { DurationUnit } from './deadline-policy.entity';

/** The ladder: 1 warning (assignee, department), 2 breach (the müdür), 3 beyond (the başkan yardımcısı). */
export enum EscalationLevel {
  Warning = 1,
  Breach = 2,
  Further = 3,
}

export interface ClockInstants {
  warningAt: Date | null;
  dueAt: Date;
  furtherAt: Date | null;
}

export interface NextStep {
  nextLevel: EscalationLevel | null;
  nextAt: Date | null;
}

/**
 * When the warning, the breach and the step beyond fall. The warning comes at `warningRatio`
 * of the allowed time — working time for working-day clocks, elapsed time for calendar-day ones.
 */
export function scheduleClock(
  calendar: BusinessCalendar,
  unit: DurationUnit,
  startedAt: Date,
  dueAt: Date,
  warningRatio: number,
  furtherAfterWorkingHours: number | null,
): ClockInstants {
  let warningAt: Date | null = null;
  if (warningRatio > 0 && warningRatio < 1) {
    if (unit === DurationUnit.CalendarDays) {
      warningAt = new Date(startedAt.getTime() + warningRatio * (dueAt.getTime() - startedAt.getTime()));
    } else {
      const allowed = calendar.workingMinutesBetween(startedAt, dueAt);
      warningAt = allowed > 0 ? calendar.addWorkingMinutes(startedAt, Math.round(allowed * warningRatio)) : null;
    }
  }
  const furtherAt = furtherAfterWorkingHours ? calendar.addWorkingHours(dueAt, furtherAfterWorkingHours) : null;
  return { warningAt, dueAt, furtherAt };
}

/** The first step of the ladder not yet taken, and when it falls. */
export function nextStep(instants: ClockInstants, level: number): NextStep {
  const steps: [EscalationLevel, Date | null][] = [
    [EscalationLevel.Warning, instants.warningAt],
    [EscalationLevel.Breach, instants.dueAt],
    [EscalationLevel.Further, instants.furtherAt],
  ];
  const next = steps.find(([step, at]) => step > level && at !== null);
  return next ? { nextLevel: next[0], nextAt: next[1] } : { nextLevel: null, nextAt: null };
}

/** How much a pause from `pausedAt` to `resumedAt` counts: working minutes, or elapsed minutes for calendar-day clocks. */
export function pausedMinutes(calendar: BusinessCalendar, unit: DurationUnit, pausedAt: Date, resumedAt: Date): number {
  if (resumedAt <= pausedAt) return 0;
  return unit === DurationUnit.CalendarDays ? (resumedAt.getTime() - pausedAt.getTime()) / 60_000 : calendar.workingMinutesBetween(pausedAt, resumedAt);
}

/**
 * Moves every step not yet taken later by the paused time; steps already taken stay where they
 * were. A deadline counted in days still ends at the close of the day the shift reaches (the
 * law counts days, not hours), so a pause never leaves it in the middle of a day.
 */
export function shiftAfterPause(
  calendar: BusinessCalendar,
  unit: DurationUnit,
  instants: ClockInstants,
  level: number,
  minutes: number,
  rule: PeriodEndRule = DEFAULT_PERIOD_RULE,
): ClockInstants {
  if (minutes <= 0) return instants;
  const shift = (at: Date | null, step: EscalationLevel): Date | null => {
    if (!at || step <= level) return at;
    return unit === DurationUnit.CalendarDays ? new Date(at.getTime() + minutes * 60_000) : calendar.addWorkingMinutes(at, minutes);
  };
  const due = shift(instants.dueAt, EscalationLevel.Breach)!;
  const dayBased = unit !== DurationUnit.WorkingHours && level < EscalationLevel.Breach;
  return {
    warningAt: shift(instants.warningAt, EscalationLevel.Warning),
    dueAt: dayBased ? periodEndOn(calendar, due, unit === DurationUnit.WorkingDays, rule) : due,
    furtherAt: shift(instants.furtherAt, EscalationLevel.Further),
  };
}
