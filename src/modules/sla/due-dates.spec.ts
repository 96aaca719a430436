import { addDuration } from './due-dates';
import { DurationUnit } from './deadline-policy.entity';

describe('addDuration', () => {
  const friday = new Date('2026-11-20T07:00:00Z'); // Friday 10:00 in Istanbul

  it('counts calendar days straight through weekends', () => {
    expect(addDuration(friday, 30, DurationUnit.CalendarDays).toISOString()).toBe('2026-12-20T07:00:00.000Z');
  });

  it('skips Saturday and Sunday for working days', () => {
    expect(addDuration(friday, 1, DurationUnit.WorkingDays).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(addDuration(friday, 15, DurationUnit.WorkingDays).toISOString()).toBe('2026-12-11T07:00:00.000Z');
  });
});
