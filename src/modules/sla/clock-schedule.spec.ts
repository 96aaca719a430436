import { BusinessCalendar, DayEnd, endOfCalendarDays, endOfWorkingDays } from '@app/calendar';
import { nextStep, pausedMinutes, scheduleClock, shiftAfterPause } from './clock-schedule';
import { DurationUnit } from './deadline-policy.entity';

const calendar = new BusinessCalendar({ workingHours: '08:30-12:30,13:30-17:30' });
const at = (iso: string) => new Date(iso);

describe('the escalation schedule of a clock', () => {
  // Monday 2 Nov 2026 09:00 Istanbul, 15 working days → the close of Monday 23 Nov (no holidays in between).
  const start = at('2026-11-02T06:00:00Z');
  const due = endOfWorkingDays(calendar, start, 15);

  it('warns at 75% of the working time and goes beyond the müdür two working days after the breach', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, 16);
    expect(due.toISOString()).toBe('2026-11-23T14:30:00.000Z');
    // Monday from 09:00 (7.5 h) and fifteen whole days after it.
    expect(calendar.workingMinutesBetween(start, clock.warningAt!)).toBe(Math.round(0.75 * (7.5 + 15 * 8) * 60));
    expect(clock.furtherAt!.toISOString()).toBe('2026-11-25T14:30:00.000Z');
  });

  it('warns at 75% of the elapsed time for a calendar-day clock', () => {
    const thirty = endOfCalendarDays(calendar, start, 30);
    const clock = scheduleClock(calendar, DurationUnit.CalendarDays, start, thirty, 0.75, null);
    expect(clock.warningAt!.getTime() - start.getTime()).toBe(Math.round(0.75 * (thirty.getTime() - start.getTime())));
    expect(clock.furtherAt).toBeNull();
  });

  it('takes the steps in order, skipping one that is not configured', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, null);
    expect(nextStep(clock, 0)).toEqual({ nextLevel: 1, nextAt: clock.warningAt });
    expect(nextStep(clock, 1)).toEqual({ nextLevel: 2, nextAt: due });
    expect(nextStep(clock, 2)).toEqual({ nextLevel: null, nextAt: null });
    expect(nextStep({ ...clock, warningAt: null }, 0)).toEqual({ nextLevel: 2, nextAt: due });
  });

  it('moves the deadline by the paused working time, to the close of the day that reaches, and leaves steps already taken alone', () => {
    const clock = scheduleClock(calendar, DurationUnit.WorkingDays, start, due, 0.75, 16);
    // Paused Thursday 5 Nov 16:00 → resumed Monday 9 Nov 10:00: 1.5 h Thursday + 8 h Friday + 1.5 h Monday.
    const paused = pausedMinutes(calendar, DurationUnit.WorkingDays, at('2026-11-05T13:00:00Z'), at('2026-11-09T07:00:00Z'));
    expect(paused).toBe(11 * 60);
    const shifted = shiftAfterPause(calendar, DurationUnit.WorkingDays, clock, 1, paused);
    expect(shifted.warningAt).toEqual(clock.warningAt);
    // 17:30 Monday 23 + 11 working hours = Wednesday 25 at 11:30, whose close is 17:30.
    expect(shifted.dueAt.toISOString()).toBe('2026-11-25T14:30:00.000Z');
  });

  it('counts a calendar-day pause in elapsed time and ends it as the policy says', () => {
    expect(pausedMinutes(calendar, DurationUnit.CalendarDays, at('2026-11-06T14:00:00Z'), at('2026-11-09T14:00:00Z'))).toBe(3 * 1440);
    const thirty = scheduleClock(calendar, DurationUnit.CalendarDays, start, endOfCalendarDays(calendar, start, 30), 0.75, null);
    // 2 Dec 23:59 + 4 days = Sunday 6 Dec: the next working day's end, or its close.
    const byDefault = shiftAfterPause(calendar, DurationUnit.CalendarDays, thirty, 0, 4 * 1440);
    expect(byDefault.dueAt.toISOString()).toBe('2026-12-07T20:59:59.999Z');
    const atClose = shiftAfterPause(calendar, DurationUnit.CalendarDays, thirty, 0, 4 * 1440, { dayEnd: DayEnd.CloseOfBusiness, extendPastDayOff: true });
    expect(atClose.dueAt.toISOString()).toBe('2026-12-07T14:30:00.000Z');
  });
});
