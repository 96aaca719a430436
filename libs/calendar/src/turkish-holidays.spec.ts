import { lawHolidays } from './turkish-holidays';

/** The feast days of a year as `date length` lines, the way the official announcements list them. */
function feasts(year: number): string[] {
  return lawHolidays(year)
    .filter((h) => h.name.startsWith('Ramazan') || h.name.startsWith('Kurban'))
    .map((h) => `${h.date} ${h.length}`);
}

describe('Law 2429 holidays', () => {
  // Dates as announced by the Diyanet İşleri Başkanlığı and the Resmî Gazete for public offices.
  it.each([
    [
      2024,
      [
        '2024-04-09 half',
        '2024-04-10 full',
        '2024-04-11 full',
        '2024-04-12 full',
        '2024-06-15 half',
        '2024-06-16 full',
        '2024-06-17 full',
        '2024-06-18 full',
        '2024-06-19 full',
      ],
    ],
    [
      2025,
      [
        '2025-03-29 half',
        '2025-03-30 full',
        '2025-03-31 full',
        '2025-04-01 full',
        '2025-06-05 half',
        '2025-06-06 full',
        '2025-06-07 full',
        '2025-06-08 full',
        '2025-06-09 full',
      ],
    ],
    [
      2026,
      [
        '2026-03-19 half',
        '2026-03-20 full',
        '2026-03-21 full',
        '2026-03-22 full',
        '2026-05-26 half',
        '2026-05-27 full',
        '2026-05-28 full',
        '2026-05-29 full',
        '2026-05-30 full',
      ],
    ],
  ])('gives %i Ramazan Bayramı (eve + 3 days) and Kurban Bayramı (eve + 4 days) on the announced dates', (year, expected) => {
    expect(feasts(year)).toEqual(expected);
  });

  it('lists the fixed days, 28 October as a half day, in date order', () => {
    const fixed = lawHolidays(2026).filter((h) => !/Ramazan|Kurban/.test(h.name));
    expect(fixed.map((h) => `${h.date} ${h.length}`)).toEqual([
      '2026-01-01 full',
      '2026-04-23 full',
      '2026-05-01 full',
      '2026-05-19 full',
      '2026-07-15 full',
      '2026-08-30 full',
      '2026-10-28 half',
      '2026-10-29 full',
    ]);
    expect(lawHolidays(2026).find((h) => h.date === '2026-05-26')?.name).toBe('Kurban Bayramı Arifesi');
  });

  it('keeps 15 July and 1 May only from the years they became holidays', () => {
    expect(lawHolidays(2016).some((h) => h.date === '2016-07-15')).toBe(false);
    expect(lawHolidays(2017).some((h) => h.date === '2017-07-15')).toBe(true);
    expect(lawHolidays(2008).some((h) => h.date === '2008-05-01')).toBe(false);
  });

  it('lets a whole holiday win over an eve on the same date', () => {
    // date-holidays puts 1 Shawwal 1454 on 2033-01-02: its eve is New Year's Day, off all day anyway.
    expect(lawHolidays(2033).find((h) => h.date === '2033-01-01')).toMatchObject({ length: 'full', name: 'Yılbaşı' });
  });
});
