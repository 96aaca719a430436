import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { achievement, score } from './muhtar-indicators.service';
import { MuhtarPlan } from './muhtar-plan';

const plan = (file = 'data/municipality.json') => new MuhtarPlan({ MUNICIPALITY_FILE: file } as AppConfig);

describe('MuhtarPlan (the data file’s muhtarPlan: targets per plan period, weights)', () => {
  it('reads the strategic plan’s targets: 2019 H2, then each year; the last year carries forward', () => {
    const p = plan();
    expect(p.target('PG7.4.2', '2019-07-01', '2019-12-31')).toEqual({ weight: 30, target: 37, planPeriod: '2019-H2', carried: false, forDays: 37 });
    expect(p.target('PG7.4.2', '2020-01-01', '2020-12-31')).toMatchObject({ target: 111, planPeriod: '2020', forDays: 111 });
    expect(p.target('PG7.4.3', '2021-01-01', '2021-06-30')).toMatchObject({ weight: 20, target: 80 });
    expect(p.target('PG7.4.3', '2022-01-01', '2022-06-30')).toMatchObject({ target: 85 });
    expect(p.target('PG7.4.4', '2019-07-01', '2019-12-31')).toMatchObject({ weight: 10, target: 20 });
    expect(p.target('PG7.4.1', '2026-01-01', '2026-12-31')).toMatchObject({ target: 4, planPeriod: '2024', carried: true });
  });

  it('shares a count’s target out day by day across plan periods', () => {
    // December 2019 (31 of 2019 H2’s 184 days of 37) + January 2020 (31 of 366 days of 111).
    const { forDays } = plan().target('PG7.4.2', '2019-12-01', '2020-01-31');
    expect(forDays).toBeCloseTo(Math.round(((37 * 31) / 184) * 10 + ((111 * 31) / 366) * 10) / 10, 1);
  });

  it('refuses a data file without an indicator or with a bad period key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'muhtar-plan-'));
    const file = join(dir, 'm.json');
    writeFileSync(file, JSON.stringify({ muhtarPlan: { indicators: [{ code: 'PG7.4.1', weight: 30, targets: { '2020-Q1': 4 } }] } }));
    expect(() => plan(file)).toThrow(/PG7\.4\.2 eksik/);
    expect(() => plan(file)).toThrow(/targets\.2020-Q1/);
  });

  it('scores the goal: weighted achievements over the weights of the indicators with a value', () => {
    expect(achievement(2, 4, 'at_least')).toBe(0.5);
    expect(achievement(9, 4, 'at_least')).toBe(1);
    expect(achievement(36, 18, 'at_most')).toBe(0.5);
    expect(achievement(null, 18, 'at_most')).toBeNull();
    expect(
      score([
        { weight: 30, achievement: 1 },
        { weight: 30, achievement: 0.5 },
        { weight: 20, achievement: null },
        { weight: 10, achievement: 1 },
        { weight: 10, achievement: 0 },
      ]),
    ).toEqual({ value: 68.8, weightCounted: 80, weightTotal: 100 });
  });
});
