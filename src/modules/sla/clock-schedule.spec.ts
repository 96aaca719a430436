import { BusinessCalendar } from '@app/calendar';
import { nextStep, pausedMinutes, scheduleClock, shiftAfterPause } from './clock-schedule';
import { DurationUnit } from './deadline-policy.entity';

const calendar = new BusinessCalendar({ workingHours: '08:30-12:30,13:30-17:30' });
const at = (iso: string) => new Date(iso);

describe('the escalation schedule of a clock', () => {
  // Monday 2 Nov 2026 09:00 Istanbul, 15 working days → Monday 23 Nov 09:00 (no holidays in between).
  const start = at('2026-11-02T06:00:00Z');
  const due = calendar.addWorkingDays(start, 15);

  it('warns at 75% of the working time and goes beyond the müdür two working days after the breach', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, 16);
    expect(due.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(calendar.workingMinutesBetween(start, clock.warningAt!)).toBe(Math.round(0.75 * 15 * 8 * 60));
    expect(clock.furtherAt!.toISOString()).toBe('2026-11-25T06:00:00.000Z');
  });

  it('warns at 75% of the elapsed time for a calendar-day clock', () => {
    const thirty = calendar.addCalendarDays(start, 30);
    const clock = scheduleClock(calendar, DurationUnit.CalendarDays, start, thirty, 0.75, null);
    expect(clock.warningAt!.getTime() - start.getTime()).toBe(0.75 * 30 * 86_400_000);
    expect(clock.furtherAt).toBeNull();
  });

  it('takes the steps in order, skipping one that is not configured', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, null);
    expect(nextStep(clock, 0)).toEqual({ nextLevel: 1, nextAt: clock.warningAt });
    expect(nextStep(clock, 1)).toEqual({ nextLevel: 2, nextAt: due });
    expect(nextStep(clock, 2)).toEqual({ nextLevel: null, nextAt: null });
    expect(nextStep({ ...clock, warningAt: null }, 0)).toEqual({ nextLevel: 2, nextAt: due });
  });

  it('moves the deadline by exactly the paused working time, and leaves steps already taken alone', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, 16);
    // Paused Thursday 5 Nov 16:00 → resumed Monday 9 Nov 10:00: 1.5 h Thursday + 8 h Friday + 1.5 h Monday.
    const paused = pausedMinutes(calendar, DurationUnit.WorkingDays, at('2026-11-05T13:00:00Z'), at('2026-11-09T07:00:00Z'));
    expect(paused).toBe(11 * 60);
    const shifted = shiftAfterPause(calendar, DurationUnit.WorkingDays, clock, 1, paused);
    expect(shifted.warningAt).toEqual(clock.warningAt);
    expect(calendar.workingMinutesBetween(due, shifted.dueAt)).toBe(11 * 60);
    expect(shifted.dueAt.toISOString()).toBe('2026-11-24T09:00:00.000Z'); // 09:00 + 11 working hours = next day 12:00
  });

  it('counts a calendar-day pause in elapsed time', () => {
    expect(pausedMinutes(calendar, DurationUnit.CalendarDays, at('2026-11-06T14:00:00Z'), at('2026-11-09T14:00:00Z'))).toBe(3 * 1440);
  });
});
