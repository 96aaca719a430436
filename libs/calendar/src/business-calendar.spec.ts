import { BusinessCalendar, OverrideKind } from './business-calendar';
import { parseWorkingHours } from './working-hours';

/** An Istanbul wall-clock time (UTC+3 since 2016). */
const ist = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`);
const at = (d: Date) => d.toISOString();

describe('BusinessCalendar', () => {
  const calendar = new BusinessCalendar();

  describe('working time', () => {
    it('is 08:30–17:30 on weekdays with the 12:30–13:30 lunch break by default', () => {
      expect(calendar.isWorkingTime(ist('2026-03-04 08:30'))).toBe(true);
      expect(calendar.isWorkingTime(ist('2026-03-04 08:29'))).toBe(false);
      expect(calendar.isWorkingTime(ist('2026-03-04 12:45'))).toBe(false);
      expect(calendar.isWorkingTime(ist('2026-03-04 17:30'))).toBe(false);
      expect(calendar.isWorkingTime(ist('2026-03-07 10:00'))).toBe(false); // Saturday
      expect(at(calendar.nextWorkingInstant(ist('2026-03-04 12:45')))).toBe(at(ist('2026-03-04 13:30')));
      expect(at(calendar.nextWorkingInstant(ist('2026-03-06 18:00')))).toBe(at(ist('2026-03-09 08:30')));
    });

    it('closes the eves from 13:00: 28 October and the arife before a bayram', () => {
      expect(calendar.isWorkingTime(ist('2026-10-28 10:00'))).toBe(true);
      expect(calendar.isWorkingTime(ist('2026-10-28 14:00'))).toBe(false);
      // 29 October is a Thursday; the next working instant after the eve's morning is Friday.
      expect(at(calendar.nextWorkingInstant(ist('2026-10-28 12:30')))).toBe(at(ist('2026-10-30 08:30')));
      expect(calendar.isWorkingTime(ist('2026-03-19 11:00'))).toBe(true);
      expect(calendar.isWorkingTime(ist('2026-03-19 15:00'))).toBe(false);
      expect(calendar.isWorkingDay('2026-03-19')).toBe(true);
    });

    it('reads the working hours setting and refuses nonsense', () => {
      const early = new BusinessCalendar({ workingHours: '08:00-17:00' });
      expect(early.isWorkingTime(ist('2026-03-04 12:45'))).toBe(true);
      expect(early.isWorkingTime(ist('2026-10-28 13:00'))).toBe(false);
      expect(() => parseWorkingHours('8:30-17:30')).toThrow(RangeError);
      expect(() => parseWorkingHours('13:30-17:30,08:30-12:30')).toThrow(/overlaps or precedes/);
      expect(() => parseWorkingHours('17:30-08:30')).toThrow(/ends before it starts/);
    });
  });

  describe('overrides', () => {
    // 29 October 2026 is a Thursday; a bridge day on Friday 30th, made up on Saturday 7 November.
    const bridged = new BusinessCalendar({
      overrides: [
        { date: '2026-10-30', kind: OverrideKind.DayOff, reason: 'Köprü günü' },
        { date: '2026-11-07', kind: OverrideKind.WorkingDay, reason: 'Telafi' },
        { date: '2026-12-31', kind: OverrideKind.HalfDayOff },
      ],
    });

    it('moves working time past a bridge day', () => {
      expect(calendar.isWorkingDay('2026-10-30')).toBe(true);
      expect(bridged.isWorkingDay('2026-10-30')).toBe(false);
      expect(at(bridged.addWorkingHours(ist('2026-10-29 10:00'), 1))).toBe(at(ist('2026-11-02 09:30')));
    });

    it('opens a make-up Saturday and closes a granted afternoon', () => {
      expect(bridged.isWorkingTime(ist('2026-11-07 10:00'))).toBe(true);
      expect(at(bridged.closeOf('2026-11-07')!)).toBe(at(ist('2026-11-07 17:30')));
      expect(bridged.isWorkingTime(ist('2026-12-31 12:00'))).toBe(true);
      expect(bridged.isWorkingTime(ist('2026-12-31 14:00'))).toBe(false);
      expect(bridged.day('2026-10-30')).toMatchObject({ override: { reason: 'Köprü günü' }, periods: [] });
    });
  });

  describe('working hours and minutes', () => {
    it('consumes only working time, and a deadline that uses up a period ends at its close', () => {
      expect(at(calendar.addWorkingHours(ist('2026-03-06 16:00'), 2))).toBe(at(ist('2026-03-09 09:00')));
      expect(at(calendar.addWorkingMinutes(ist('2026-03-06 16:00'), 90))).toBe(at(ist('2026-03-06 17:30')));
      expect(at(calendar.addWorkingMinutes(ist('2026-03-04 12:00'), 60))).toBe(at(ist('2026-03-04 14:00')));
      // On the eve of Ramazan Bayramı 2026: 1.5 h before 12:30, the rest after the feast.
      expect(at(calendar.addWorkingHours(ist('2026-03-19 11:00'), 4))).toBe(at(ist('2026-03-23 11:00')));
    });

    it('measures working time between two instants across a weekend and a holiday', () => {
      // Friday 15 May 2026 16:00 → Wednesday 20 May 10:00; Tuesday 19 May is a holiday.
      const from = ist('2026-05-15 16:00');
      const to = ist('2026-05-20 10:00');
      expect(calendar.workingMinutesBetween(from, to)).toBe(90 + 480 + 90);
      expect(calendar.workingMinutesBetween(to, from)).toBe(-660);
      expect(calendar.workingMinutesBetween(ist('2026-03-04 12:00'), ist('2026-03-04 14:00'))).toBe(60);
    });
  });

  describe('the close of a working day', () => {
    it('is the end of the last period, on an eve 13:00, and none on a day off', () => {
      expect(at(calendar.closeOf('2026-03-04')!)).toBe(at(ist('2026-03-04 17:30')));
      expect(at(calendar.closeOf('2026-10-28')!)).toBe(at(ist('2026-10-28 13:00')));
      expect(at(calendar.closeOf('2027-03-08')!)).toBe(at(ist('2027-03-08 13:00')));
      expect(calendar.closeOf('2026-10-29')).toBeNull();
      expect(calendar.closeOf('2026-03-07')).toBeNull();
      // Hours that end before 13:00 close then, eve or not.
      expect(at(new BusinessCalendar({ workingHours: '08:00-12:00' }).closeOf('2026-10-28')!)).toBe(at(ist('2026-10-28 12:00')));
    });

    it('follows the zone rules of the date rather than a fixed +3 (summer time until 2016)', () => {
      expect(calendar.isWorkingTime(new Date('2015-01-05T08:45:00+02:00'))).toBe(true);
      expect(calendar.closeOf('2015-07-06')!.toISOString()).toBe('2015-07-06T14:30:00.000Z');
    });
  });
});
