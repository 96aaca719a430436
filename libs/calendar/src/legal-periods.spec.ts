import { BusinessCalendar, OverrideKind } from './business-calendar';
import { DayEnd, endOfCalendarDays, endOfWorkingDays, periodEndOn } from './legal-periods';

/** An Istanbul wall-clock time (UTC+3 since 2016). */
const ist = (local: string) => new Date(`${local.replace(' ', 'T')}${local.length > 16 ? '' : ':00'}+03:00`);
const at = (d: Date) => d.toISOString();
const MIDNIGHT = (date: string) => at(ist(`${date} 23:59:59.999`));

describe('periods as the law counts them', () => {
  const calendar = new BusinessCalendar();

  describe('N working days end at the close of the Nth working day after the request', () => {
    it('15 working days from Wednesday 7 October 2026 14:00 end on the 28 October eve at 13:00, not on 30 October', () => {
      expect(at(endOfWorkingDays(calendar, ist('2026-10-07 14:00'), 15))).toBe(at(ist('2026-10-28 13:00')));
      expect(at(endOfWorkingDays(calendar, ist('2026-10-07 09:00'), 16))).toBe(at(ist('2026-10-30 17:30')));
    });

    it('does not count the request’s own day, whatever its hour, nor a weekend it falls on', () => {
      expect(at(endOfWorkingDays(calendar, ist('2026-03-04 16:00'), 1))).toBe(at(ist('2026-03-05 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2026-03-04 07:00'), 1))).toBe(at(ist('2026-03-05 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2026-03-07 10:00'), 1))).toBe(at(ist('2026-03-09 17:30'))); // Saturday
      expect(at(endOfWorkingDays(calendar, ist('2026-03-06 16:00'), 1))).toBe(at(ist('2026-03-09 17:30'))); // Friday
    });

    it('counts an eve as a day ending at 13:00 and skips the feast: Kurban Bayramı 2026 (eve Tuesday 26 May, 27–30 May)', () => {
      const friday = ist('2026-05-22 16:00');
      expect(at(endOfWorkingDays(calendar, friday, 1))).toBe(at(ist('2026-05-25 17:30')));
      expect(at(endOfWorkingDays(calendar, friday, 2))).toBe(at(ist('2026-05-26 13:00')));
      expect(at(endOfWorkingDays(calendar, friday, 3))).toBe(at(ist('2026-06-01 17:30')));
    });

    it('Ramazan Bayramı 2026 (eve Thursday 19 March, 20–22 March)', () => {
      expect(at(endOfWorkingDays(calendar, ist('2026-03-13 16:00'), 4))).toBe(at(ist('2026-03-19 13:00')));
      expect(at(endOfWorkingDays(calendar, ist('2026-03-13 16:00'), 5))).toBe(at(ist('2026-03-23 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2026-03-19 10:00'), 1))).toBe(at(ist('2026-03-23 17:30')));
    });

    it('a deadline on the Friday before Ramazan Bayramı 2027 (eve Monday 8 March, 9–11 March)', () => {
      const friday = ist('2027-02-26 11:00');
      expect(at(endOfWorkingDays(calendar, friday, 5))).toBe(at(ist('2027-03-05 17:30')));
      expect(at(endOfWorkingDays(calendar, friday, 6))).toBe(at(ist('2027-03-08 13:00')));
      expect(at(endOfWorkingDays(calendar, friday, 7))).toBe(at(ist('2027-03-12 17:30')));
    });

    it('Kurban Bayramı 2027 (eve Saturday 15 May, 16–19 May with 19 May) and 28 Ekim 2027 (a Thursday)', () => {
      expect(at(endOfWorkingDays(calendar, ist('2027-05-13 10:00'), 1))).toBe(at(ist('2027-05-14 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2027-05-13 10:00'), 2))).toBe(at(ist('2027-05-20 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2027-10-27 10:00'), 1))).toBe(at(ist('2027-10-28 13:00')));
      expect(at(endOfWorkingDays(calendar, ist('2027-10-27 10:00'), 2))).toBe(at(ist('2027-11-01 17:30')));
    });

    it('moves past a bridge day and counts a make-up Saturday', () => {
      const bridged = new BusinessCalendar({
        overrides: [
          { date: '2026-10-30', kind: OverrideKind.DayOff },
          { date: '2026-11-07', kind: OverrideKind.WorkingDay },
        ],
      });
      expect(at(endOfWorkingDays(bridged, ist('2026-10-27 10:00'), 2))).toBe(at(ist('2026-11-02 17:30')));
      expect(at(endOfWorkingDays(bridged, ist('2026-11-06 10:00'), 1))).toBe(at(ist('2026-11-07 17:30')));
    });

    it('zero days end with the request’s own working day, or the next one after its close', () => {
      expect(at(endOfWorkingDays(calendar, ist('2026-03-04 10:00'), 0))).toBe(at(ist('2026-03-04 17:30')));
      expect(at(endOfWorkingDays(calendar, ist('2026-03-06 18:00'), 0))).toBe(at(ist('2026-03-09 17:30')));
      expect(() => endOfWorkingDays(calendar, ist('2026-03-04 10:00'), 1.5)).toThrow(RangeError);
    });
  });

  describe('N calendar days end on the Nth date after the request', () => {
    const closeOfBusiness = { dayEnd: DayEnd.CloseOfBusiness, extendPastDayOff: true };
    const noExtension = { dayEnd: DayEnd.Midnight, extendPastDayOff: false };

    it('at the end of that day by default; holidays inside the period count', () => {
      expect(at(endOfCalendarDays(calendar, ist('2026-11-20 10:00'), 30))).toBe(MIDNIGHT('2026-12-21')); // 20 Dec is a Sunday
      expect(at(endOfCalendarDays(calendar, ist('2026-05-01 10:00'), 30))).toBe(MIDNIGHT('2026-06-01')); // 31 May is a Sunday
      expect(at(endOfCalendarDays(calendar, ist('2026-10-05 22:00'), 30))).toBe(MIDNIGHT('2026-11-04'));
    });

    it('a period ending on a Sunday ends on Monday (HMK art. 93), at its end or its close as the policy says', () => {
      const friday = ist('2026-11-06 15:00'); // + 30 days = Sunday 6 December 2026
      expect(at(endOfCalendarDays(calendar, friday, 30))).toBe(MIDNIGHT('2026-12-07'));
      expect(at(endOfCalendarDays(calendar, friday, 30, closeOfBusiness))).toBe(at(ist('2026-12-07 17:30')));
      expect(at(endOfCalendarDays(calendar, friday, 30, noExtension))).toBe(MIDNIGHT('2026-12-06'));
    });

    it('past Republic Day and the feasts; an eve is a working day, closing at 13:00', () => {
      expect(at(endOfCalendarDays(calendar, ist('2026-09-29 10:00'), 30))).toBe(MIDNIGHT('2026-10-30'));
      expect(at(endOfCalendarDays(calendar, ist('2026-09-28 10:00'), 30))).toBe(MIDNIGHT('2026-10-28'));
      expect(at(endOfCalendarDays(calendar, ist('2026-09-28 10:00'), 30, closeOfBusiness))).toBe(at(ist('2026-10-28 13:00')));
      expect(at(endOfCalendarDays(calendar, ist('2027-04-16 10:00'), 30))).toBe(MIDNIGHT('2027-05-20'));
      expect(at(endOfCalendarDays(calendar, ist('2027-02-09 10:00'), 30, closeOfBusiness))).toBe(at(ist('2027-03-12 17:30')));
    });
  });

  describe('a deadline moved by a pause still ends at the close of a day', () => {
    it('of the day it reaches, or of the next working day', () => {
      expect(at(periodEndOn(calendar, ist('2026-03-05 10:00'), true))).toBe(at(ist('2026-03-05 17:30')));
      expect(at(periodEndOn(calendar, ist('2026-03-07 10:00'), true))).toBe(at(ist('2026-03-09 17:30')));
      expect(at(periodEndOn(calendar, ist('2026-10-28 12:30'), true))).toBe(at(ist('2026-10-28 13:00')));
      expect(at(periodEndOn(calendar, ist('2026-12-06 23:59:59.999'), false))).toBe(MIDNIGHT('2026-12-07'));
    });
  });
});
