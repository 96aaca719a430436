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

  describe('adding working days the way an official counts them', () => {
    it('keeps the time of day and skips the weekend: Friday 16:00 + 1 = Monday 16:00', () => {
      expect(at(calendar.addWorkingDays(ist('2026-03-06 16:00'), 1))).toBe(at(ist('2026-03-09 16:00')));
      expect(at(calendar.addWorkingDays(ist('2026-03-06 16:00'), 0))).toBe(at(ist('2026-03-06 16:00')));
    });

    it('starts the clock on the next working morning for a request after hours or at the weekend', () => {
      expect(at(calendar.addWorkingDays(ist('2026-03-07 10:00'), 1))).toBe(at(ist('2026-03-10 08:30')));
      expect(at(calendar.addWorkingDays(ist('2026-03-05 19:00'), 1))).toBe(at(ist('2026-03-09 08:30')));
    });

    it('from the Friday afternoon before Kurban Bayramı 2025 (eve Thursday 5 June, feast 6–9 June)', () => {
      const friday = ist('2025-05-30 16:00');
      expect(at(calendar.addWorkingDays(friday, 1))).toBe(at(ist('2025-06-02 16:00')));
      // The eve counts as a day, but 16:00 on it is off: due the first morning after the feast.
      expect(at(calendar.addWorkingDays(friday, 4))).toBe(at(ist('2025-06-10 08:30')));
      expect(at(calendar.addWorkingDays(friday, 5))).toBe(at(ist('2025-06-10 16:00')));
      expect(at(calendar.addWorkingDays(friday, 15))).toBe(at(ist('2025-06-24 16:00')));
    });

    it('from the Friday afternoon before Ramazan Bayramı 2026 (eve Thursday 19 March, feast 20–22 March)', () => {
      const friday = ist('2026-03-13 16:00');
      expect(at(calendar.addWorkingDays(friday, 4))).toBe(at(ist('2026-03-23 08:30')));
      expect(at(calendar.addWorkingDays(friday, 5))).toBe(at(ist('2026-03-23 16:00')));
      // A morning request on the eve keeps its time: Thursday 10:00 + 1 = Monday 10:00.
      expect(at(calendar.addWorkingDays(ist('2026-03-19 10:00'), 1))).toBe(at(ist('2026-03-23 10:00')));
    });

    it('from the Friday afternoon before Kurban Bayramı 2026 (eve Tuesday 26 May, feast 27–30 May)', () => {
      const friday = ist('2026-05-22 16:00');
      expect(at(calendar.addWorkingDays(friday, 1))).toBe(at(ist('2026-05-25 16:00')));
      expect(at(calendar.addWorkingDays(friday, 2))).toBe(at(ist('2026-06-01 08:30')));
      expect(at(calendar.addWorkingDays(friday, 3))).toBe(at(ist('2026-06-01 16:00')));
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

    it('moves a deadline past a bridge day', () => {
      const tuesday = ist('2026-10-27 16:00');
      expect(at(calendar.addWorkingDays(tuesday, 2))).toBe(at(ist('2026-10-30 16:00')));
      expect(at(bridged.addWorkingDays(tuesday, 2))).toBe(at(ist('2026-11-02 16:00')));
      expect(at(bridged.addWorkingHours(ist('2026-10-29 10:00'), 1))).toBe(at(ist('2026-11-02 09:30')));
    });

    it('opens a make-up Saturday and closes a granted afternoon', () => {
      expect(bridged.isWorkingTime(ist('2026-11-07 10:00'))).toBe(true);
      expect(at(bridged.addWorkingDays(ist('2026-11-06 16:00'), 1))).toBe(at(ist('2026-11-07 16:00')));
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

  describe('calendar days (Law 3071: 30 days)', () => {
    it('counts every day and keeps the wall-clock time, holidays or not', () => {
      expect(at(calendar.addCalendarDays(ist('2026-11-20 10:00'), 30))).toBe(at(ist('2026-12-20 10:00')));
      expect(at(calendar.addCalendarDays(ist('2025-05-08 10:00'), 30))).toBe(at(ist('2025-06-07 10:00')));
    });

    it('can end on working time instead', () => {
      expect(at(calendar.addCalendarDays(ist('2026-11-20 10:00'), 30, { endOnWorkingTime: true }))).toBe(at(ist('2026-12-21 08:30')));
    });

    it('follows the zone rules of the date rather than a fixed +3 (summer time until 2016)', () => {
      // 2015: +02:00 until 29 March, +03:00 after.
      expect(at(calendar.addCalendarDays(new Date('2015-03-20T10:00:00+02:00'), 30))).toBe('2015-04-19T07:00:00.000Z');
      expect(calendar.isWorkingTime(new Date('2015-01-05T08:45:00+02:00'))).toBe(true);
    });
  });
});
