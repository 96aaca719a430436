import { DurationUnit } from '../sla';
import { parseChartDuration } from './chart-duration';

describe('parseChartDuration', () => {
  it.each([
    ['1-3 gün', { min: 1, max: 3, unit: DurationUnit.WorkingDays }],
    ['1 - 2 gün', { min: 1, max: 2, unit: DurationUnit.WorkingDays }],
    ['1 hafta', { min: 7, max: 7, unit: DurationUnit.CalendarDays }],
    ['2 - 3 Hafta', { min: 14, max: 21, unit: DurationUnit.CalendarDays }],
    ['2–3 ay', { min: 60, max: 90, unit: DurationUnit.CalendarDays }],
    ['2 - 3 AY', { min: 60, max: 90, unit: DurationUnit.CalendarDays }],
    ['5 gun', { min: 5, max: 5, unit: DurationUnit.WorkingDays }],
  ])('reads "%s"', (text, expected) => {
    expect(parseChartDuration(text)).toEqual(expected);
  });

  it.each(['', 'bir hafta', '3 yıl', '3-1 gün'])('refuses "%s"', (text) => {
    expect(() => parseChartDuration(text)).toThrow(/duration/);
  });
});
