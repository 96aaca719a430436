import { BusinessCalendar, OverrideKind } from '@app/calendar';
import { addDuration, dueDatesFor } from './due-dates';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';

describe('addDuration', () => {
  const calendar = new BusinessCalendar();
  const friday = new Date('2026-11-20T07:00:00Z'); // Friday 10:00 in Istanbul

  it('counts calendar days straight through weekends', () => {
    expect(addDuration(calendar, friday, 30, DurationUnit.CalendarDays).toISOString()).toBe('2026-12-20T07:00:00.000Z');
  });

  it('skips Saturday and Sunday for working days', () => {
    expect(addDuration(calendar, friday, 1, DurationUnit.WorkingDays).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(addDuration(calendar, friday, 15, DurationUnit.WorkingDays).toISOString()).toBe('2026-12-11T07:00:00.000Z');
  });

  it('skips public holidays and the overrides of the calendar it is given', () => {
    const beforeRepublicDay = new Date('2026-10-27T07:00:00Z'); // Tuesday 10:00
    expect(addDuration(calendar, beforeRepublicDay, 2, DurationUnit.WorkingDays).toISOString()).toBe('2026-10-30T07:00:00.000Z');
    const bridged = new BusinessCalendar({ overrides: [{ date: '2026-10-30', kind: OverrideKind.DayOff }] });
    expect(addDuration(bridged, beforeRepublicDay, 2, DurationUnit.WorkingDays).toISOString()).toBe('2026-11-02T07:00:00.000Z');
  });

  it('counts working hours inside office hours only', () => {
    // Friday 16:00 + 4 working hours: 1.5 h on Friday, 2.5 h on Monday from 08:30.
    expect(addDuration(calendar, new Date('2026-11-20T13:00:00Z'), 4, DurationUnit.WorkingHours).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});

describe('dueDatesFor', () => {
  it('gives no first-response date to a policy without one', () => {
    const policy = { firstResponseAmount: null, firstResponseUnit: null, resolutionAmount: 15, resolutionUnit: DurationUnit.WorkingDays } as DeadlinePolicy;
    const due = dueDatesFor(policy, new Date('2026-11-20T07:00:00Z'), new BusinessCalendar());
    expect(due).toEqual({ firstResponseDueAt: null, resolutionDueAt: new Date('2026-12-11T07:00:00Z') });
  });
});
