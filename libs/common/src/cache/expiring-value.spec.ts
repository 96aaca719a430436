import { ExpiringValue } from './expiring-value';

describe('ExpiringValue', () => {
  it('loads once while fresh, again after invalidate, and not at all from a failed load', async () => {
    let loads = 0;
    const value = new ExpiringValue<number>(60_000);
    const load = async () => (loads += 1);
    expect(await Promise.all([value.get(load), value.get(load)])).toEqual([1, 1]);
    value.invalidate();
    expect(await value.get(load)).toBe(2);
    value.invalidate();
    await expect(value.get(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await value.get(load)).toBe(3);
  });

  it('reloads once the time to live has passed', async () => {
    let loads = 0;
    const value = new ExpiringValue<number>(20);
    await value.get(async () => (loads += 1));
    await new Promise((r) => setTimeout(r, 30));
    expect(await value.get(async () => (loads += 1))).toBe(2);
  });
});
