import { fromLocal, toLocal } from './zoned-time';

/** The wall clock as Intl shows it, for comparison. */
function intlWallClock(at: number, timeZone: string): { date: string; msOfDay: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    msOfDay: ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (at % 1000),
  };
}

describe('zoned time', () => {
  const zones = ['Europe/Istanbul', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

  it('reads the wall clock as Intl does, at random instants from 1970 to 2040 and around summer-time changes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const instants = Array.from({ length: 3000 }, () => Math.floor(random() * Date.UTC(2040, 0, 1)));
    // Türkiye's last change to summer time (2016-03-27 01:00 UTC), Berlin's and New York's in 2026, every minute around them.
    for (const change of [Date.UTC(2016, 2, 27, 1), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 9, 25, 1)]) {
      for (let m = -90; m <= 90; m += 1) instants.push(change + m * 60_000 + 999);
    }
    for (const zone of zones) {
      for (const at of instants) expect([zone, at, toLocal(at, zone)]).toEqual([zone, at, intlWallClock(at, zone)]);
    }
  });

  it('turns a wall-clock time back into the instant', () => {
    expect(new Date(fromLocal('2026-11-26', 9 * 3_600_000, 'Europe/Istanbul')).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(new Date(fromLocal('2015-07-01', 9 * 3_600_000, 'Europe/Istanbul')).toISOString()).toBe('2015-07-01T06:00:00.000Z');
    expect(new Date(fromLocal('2015-01-05', 9 * 3_600_000, 'Europe/Istanbul')).toISOString()).toBe('2015-01-05T07:00:00.000Z');
  });
});
