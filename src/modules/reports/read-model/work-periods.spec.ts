import { BusinessCalendar, OverrideKind } from '@app/calendar';
import { workingDayMinutes, workPeriods } from './work-periods';

/** What the SQL function does with the table: the ordinal of an instant. */
function ordinal(periods: ReturnType<typeof workPeriods>, at: Date): number {
  const i = periods.startAt.findLastIndex((s) => s <= at);
  if (i < 0) return 0;
  return periods.cumMinutes[i] + Math.min((at.getTime() - periods.startAt[i].getTime()) / 60_000, periods.minutes[i]);
}

describe('work periods', () => {
  const calendar = new BusinessCalendar({ overrides: [{ date: '2026-05-18', kind: OverrideKind.DayOff }] });
  const periods = workPeriods(calendar, '2026-01-01', '2026-12-31');

  it('agrees with workingMinutesBetween across weekends, holidays, eves and bridge days', () => {
    const pairs: [string, string][] = [
      ['2026-05-15T14:00:00Z', '2026-05-20T07:00:00Z'], // Friday → Wednesday over a bridge day and 19 May
      ['2026-03-19T06:00:00Z', '2026-03-24T12:00:00Z'], // across the Ramazan Bayramı eve and holiday
      ['2026-01-02T09:45:00Z', '2026-01-02T10:15:00Z'], // lunch break
      ['2026-10-27T08:00:00Z', '2026-10-30T08:00:00Z'], // 28 October from 13:00, 29 October
      ['2026-02-07T10:00:00Z', '2026-02-08T10:00:00Z'], // weekend only
    ];
    for (const [a, b] of pairs) {
      const expected = calendar.workingMinutesBetween(new Date(a), new Date(b));
      expect(ordinal(periods, new Date(b)) - ordinal(periods, new Date(a))).toBeCloseTo(expected, 6);
    }
  });

  it('numbers each period by the working minutes before it', () => {
    expect(periods.cumMinutes[0]).toBe(0);
    expect(periods.cumMinutes[1]).toBe(periods.minutes[0]);
    expect(workingDayMinutes(calendar)).toBe(480);
  });
});
