import { BusinessCalendar, OverrideKind } from './business-calendar';
import { parseWeeklyHours } from './weekly-hours';

const ist = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`);

describe('a week of any days and hours (the call centre)', () => {
  it('reads days, ranges and lists, and bare periods as Monday to Friday', () => {
    const week = parseWeeklyHours('Mon-Fri 08:30-17:30; Sat,Sun 10:00-14:00');
    expect(week[1]).toEqual([{ start: 510, end: 1050 }]);
    expect(week[0]).toEqual([{ start: 600, end: 840 }]);
    expect(parseWeeklyHours('08:30-17:30')[6]).toEqual([]);
    expect(parseWeeklyHours('Fri-Mon 00:00-24:00').map((p) => p.length)).toEqual([1, 1, 0, 0, 0, 1, 1]);
    expect(() => parseWeeklyHours('Mon-Fri 08:30-17:30; Fri 09:00-12:00')).toThrow(/named twice/);
    expect(() => parseWeeklyHours('Pzt 08:30-17:30')).toThrow(/not a day/);
    expect(() => parseWeeklyHours('Mon-Fri')).toThrow(/days and hours/);
  });

  it('a 7/24 line that stays open on holidays is open on 29 Ekim at 03:00 and on a Sunday', () => {
    const always = new BusinessCalendar({ weeklyHours: 'Mon-Sun 00:00-24:00', holidays: 'open' });
    expect(always.isWorkingTime(ist('2026-10-29 03:00'))).toBe(true);
    expect(always.isWorkingTime(ist('2026-05-27 12:00'))).toBe(true);
    expect(always.isWorkingTime(ist('2026-11-08 23:59'))).toBe(true);
  });

  it('the same line closed on holidays: shut on 29 Ekim, from 13:00 on the eve, and on a bridge day', () => {
    const line = new BusinessCalendar({
      weeklyHours: 'Mon-Sun 00:00-24:00',
      holidays: 'closed',
      overrides: [{ date: '2026-10-30', kind: OverrideKind.DayOff }],
    });
    expect(line.isWorkingTime(ist('2026-10-29 10:00'))).toBe(false);
    expect(line.isWorkingTime(ist('2026-10-28 12:59'))).toBe(true);
    expect(line.isWorkingTime(ist('2026-10-28 13:00'))).toBe(false);
    expect(line.isWorkingTime(ist('2026-10-30 10:00'))).toBe(false);
    expect(line.isWorkingTime(ist('2026-11-01 03:00'))).toBe(true); // a Sunday
  });

  it('keeps an ordinary weekday as the working day reports measure with', () => {
    expect(new BusinessCalendar({ weeklyHours: 'Sat 10:00-12:00; Mon-Fri 09:00-18:00' }).workingHours).toEqual([{ start: 540, end: 1080 }]);
  });
});
