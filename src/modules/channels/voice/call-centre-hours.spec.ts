import { DataSource } from 'typeorm';
import { BusinessCalendar, CalendarOptions, OverrideKind } from '@app/calendar';
import { AppConfig } from '@app/config';
import { BusinessCalendarService } from '../../sla';
import { CallCentreHours } from './call-centre-hours';

const ist = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`);
const BRIDGE = [{ date: '2026-10-30', kind: OverrideKind.DayOff, reason: 'Köprü' }];

/** The line's hours as the service builds them from VOICE_OPEN_HOURS and VOICE_HOLIDAYS, on the admins' overrides. */
function line(VOICE_OPEN_HOURS: string, VOICE_HOLIDAYS: 'closed' | 'open'): CallCentreHours {
  const calendars = {
    withHours: async (_: unknown, hours: Pick<CalendarOptions, 'weeklyHours' | 'holidays'>) => new BusinessCalendar({ ...hours, overrides: BRIDGE }),
  } as unknown as BusinessCalendarService;
  return new CallCentreHours(calendars, { VOICE_OPEN_HOURS, VOICE_HOLIDAYS } as AppConfig, { manager: {} } as DataSource);
}

describe('the 444 line on the business calendar', () => {
  it('the office week (the default): closed on 29 Ekim 2026, a Thursday, at 10:00, and from 13:00 on the eve', async () => {
    const office = line('Mon-Fri 08:30-17:30', 'closed');
    expect(await office.isOpen(ist('2026-10-27 10:00'))).toBe(true);
    expect(await office.isOpen(ist('2026-10-28 12:00'))).toBe(true);
    expect(await office.isOpen(ist('2026-10-28 14:00'))).toBe(false);
    expect(await office.isOpen(ist('2026-10-29 10:00'))).toBe(false);
    expect(await office.isOpen(ist('2026-10-30 10:00'))).toBe(false); // the admins' bridge day
    expect(await office.isOpen(ist('2027-03-09 10:00'))).toBe(false); // Ramazan Bayramı 2027
  });

  it('Nar Masa’s seven days, twenty-four hours, open through holidays: open on 29 Ekim at 03:00 and on the bridge day', async () => {
    const always = line('Mon-Sun 00:00-24:00', 'open');
    expect(await always.isOpen(ist('2026-10-29 03:00'))).toBe(true);
    expect(await always.isOpen(ist('2026-10-30 10:00'))).toBe(true);
    expect(await always.isOpen(ist('2027-05-16 23:30'))).toBe(true); // Kurban Bayramı 2027, a Sunday night
  });

  it('the same week closed on holidays: shut on 29 Ekim, open the Saturday night after', async () => {
    const closedOnHolidays = line('Mon-Sun 00:00-24:00', 'closed');
    expect(await closedOnHolidays.isOpen(ist('2026-10-29 03:00'))).toBe(false);
    expect(await closedOnHolidays.isOpen(ist('2026-10-31 23:00'))).toBe(true);
  });
});
