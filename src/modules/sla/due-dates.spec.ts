import { BusinessCalendar, DayEnd, OverrideKind } from '@app/calendar';
import { addDuration, dueDatesFor } from './due-dates';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';

describe('addDuration', () => {
  const calendar = new BusinessCalendar();
  const friday = new Date('2026-11-20T07:00:00Z'); // Friday 10:00 in Istanbul

  it('ends calendar days at the end of the last date, moved past a Sunday (20 December 2026)', () => {
    expect(addDuration(calendar, friday, 30, DurationUnit.CalendarDays).toISOString()).toBe('2026-12-21T20:59:59.999Z');
    const close = { dayEnd: DayEnd.CloseOfBusiness, extendPastDayOff: true };
    expect(addDuration(calendar, friday, 30, DurationUnit.CalendarDays, close).toISOString()).toBe('2026-12-21T14:30:00.000Z');
  });

  it('ends working days at the close of the last one, skipping Saturday and Sunday', () => {
    expect(addDuration(calendar, friday, 1, DurationUnit.WorkingDays).toISOString()).toBe('2026-11-23T14:30:00.000Z');
    expect(addDuration(calendar, friday, 15, DurationUnit.WorkingDays).toISOString()).toBe('2026-12-11T14:30:00.000Z');
  });

  it('skips public holidays and the overrides of the calendar it is given', () => {
    const beforeRepublicDay = new Date('2026-10-27T07:00:00Z'); // Tuesday 10:00
    expect(addDuration(calendar, beforeRepublicDay, 1, DurationUnit.WorkingDays).toISOString()).toBe('2026-10-28T10:00:00.000Z'); // the eve, 13:00
    expect(addDuration(calendar, beforeRepublicDay, 2, DurationUnit.WorkingDays).toISOString()).toBe('2026-10-30T14:30:00.000Z');
    const bridged = new BusinessCalendar({ overrides: [{ date: '2026-10-30', kind: OverrideKind.DayOff }] });
    expect(addDuration(bridged, beforeRepublicDay, 2, DurationUnit.WorkingDays).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('counts working hours inside office hours only', () => {
    // Friday 16:00 + 4 working hours: 1.5 h on Friday, 2.5 h on Monday from 08:30.
    expect(addDuration(calendar, new Date('2026-11-20T13:00:00Z'), 4, DurationUnit.WorkingHours).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});

describe('dueDatesFor', () => {
  it('gives no first-response date to a policy without one, and uses the policy’s own end of day', () => {
    const policy = { firstResponseAmount: null, firstResponseUnit: null, resolutionAmount: 15, resolutionUnit: DurationUnit.WorkingDays } as DeadlinePolicy;
    const due = dueDatesFor(policy, new Date('2026-11-20T07:00:00Z'), new BusinessCalendar());
    expect(due).toEqual({ firstResponseDueAt: null, resolutionDueAt: new Date('2026-12-11T14:30:00Z') });
    const thirty = { ...policy, resolutionAmount: 30, resolutionUnit: DurationUnit.CalendarDays, calendarDayEnd: DayEnd.Midnight, extendPastDayOff: false };
    expect(dueDatesFor(thirty, new Date('2026-11-20T07:00:00Z'), new BusinessCalendar()).resolutionDueAt.toISOString()).toBe('2026-12-20T20:59:59.999Z');
  });
});
