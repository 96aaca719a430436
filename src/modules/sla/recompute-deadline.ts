import { BusinessCalendar, PeriodEndRule } from '@app/calendar';
import { ClockInstants, nextStep, NextStep, scheduleClock, shiftAfterPause } from './clock-schedule';
import { DurationUnit } from './deadline-policy.entity';
import { addDuration } from './due-dates';

/** A clock as stored, as much as recomputing its deadline needs. */
export interface StoredClock {
  unit: DurationUnit;
  startedAt: Date;
  level: number;
  warningAt: Date | null;
  dueAt: Date;
  furtherAt: Date | null;
  pausedAt: Date | null;
  pausedMinutes: number;
  stoppedAt: Date | null;
}

/** The share of its allowed time at which a clock warns, read back from its instants (process steps keep no policy). */
export function warningRatioOf(calendar: BusinessCalendar, clock: StoredClock): number {
  if (!clock.warningAt) return 0;
  const [warned, allowed] =
    clock.unit === DurationUnit.CalendarDays
      ? [clock.warningAt.getTime() - clock.startedAt.getTime(), clock.dueAt.getTime() - clock.startedAt.getTime()]
      : [calendar.workingMinutesBetween(clock.startedAt, clock.warningAt), calendar.workingMinutesBetween(clock.startedAt, clock.dueAt)];
  return allowed > 0 ? Math.min(0.999, Math.max(0.001, Math.round((warned / allowed) * 1000) / 1000)) : 0;
}

/**
 * A clock's instants under the deadline rule (`legal-periods.ts`): the period from its start,
 * moved by the time it was paused, ending at the close of a day. Steps already taken stay where
 * they were (a breach that fired stays fired); what is still ahead is rescheduled.
 */
export function recomputeClock(
  calendar: BusinessCalendar,
  clock: StoredClock,
  period: { amount: number; unit: DurationUnit },
  rule: PeriodEndRule,
  warningRatio: number,
): ClockInstants & NextStep {
  const base = addDuration(calendar, clock.startedAt, period.amount, period.unit, rule);
  const dueAt = shiftAfterPause(calendar, period.unit, { warningAt: null, dueAt: base, furtherAt: null }, 0, clock.pausedMinutes, rule).dueAt;
  const fresh = scheduleClock(calendar, clock.unit, clock.startedAt, dueAt, warningRatio, null);
  const instants: ClockInstants = {
    warningAt: clock.level >= 1 ? clock.warningAt : fresh.warningAt,
    dueAt,
    furtherAt: clock.level >= 2 ? clock.furtherAt : null,
  };
  const running = !clock.pausedAt && !clock.stoppedAt;
  return { ...instants, ...(running ? nextStep(instants, clock.level) : { nextLevel: null, nextAt: null }) };
}
