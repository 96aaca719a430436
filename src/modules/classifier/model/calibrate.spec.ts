import { chooseThreshold, fitCalibration, HeldBackScore } from './calibrate';
import { LENGTH_PIVOT, temperatureFor } from './linear-model';

/** Two labels; the right one (0) leads by `margin`. */
const scored = (margin: number, known: number, right: boolean): HeldBackScore => ({
  raw: Float64Array.of(right ? margin : 0, right ? 0 : margin),
  known,
  truth: 0,
});

describe('calibration', () => {
  it('divides by the temperature at the pivot length, less for longer texts when the power is positive', () => {
    expect(temperatureFor(0.5, 0, 80)).toBe(0.5);
    expect(temperatureFor(0.5, 0.5, LENGTH_PIVOT)).toBe(0.5);
    // 80 features are 4 pivots: 0.5 × 4^-0.5 = 0.25.
    expect(temperatureFor(0.5, 0.5, 80)).toBeCloseTo(0.25);
    expect(temperatureFor(0.5, 0.5, 0)).toBeCloseTo(0.5 * Math.sqrt(20));
  });

  it('keeps one temperature when length says nothing, and lets it fall with length when long texts are surer than their scores', async () => {
    // Every text leads by 1 and is right 3 times in 4, whatever its length: a single temperature.
    const even = [5, 80].flatMap((known) => [true, true, true, false].flatMap((right) => Array.from({ length: 5 }, () => scored(1, known, right))));
    expect((await fitCalibration(even)).lengthExponent).toBe(0);
    // Short texts lead by 1 and are right 3 in 4; long ones lead by 1 too but are right 19 in 20.
    const short = Array.from({ length: 40 }, (_, n) => scored(1, 5, n % 4 !== 0));
    const long = Array.from({ length: 40 }, (_, n) => scored(1, 80, n % 20 !== 0));
    const fitted = await fitCalibration([...short, ...long]);
    expect(fitted.lengthExponent).toBeGreaterThan(0);
    // The softmax of a lead of 1 at the fitted temperatures: near 3/4 for short, near 19/20 for long.
    const p = (known: number) => 1 / (1 + Math.exp(-1 / temperatureFor(fitted.temperature, fitted.lengthExponent, known)));
    expect(p(5)).toBeLessThan(0.85);
    expect(p(80)).toBeGreaterThan(0.9);
  });

  it('chooses the lowest threshold that keeps the confidently wrong under the cap', () => {
    const outcomes = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6].map((confidence) => ({ confidence, right: confidence !== 0.8 && confidence !== 0.6 }));
    // Cap 1/6 of 6 = 1 wrong: 0.8 may be routed, 0.6 not, so 0.7 is the lowest.
    expect(chooseThreshold(outcomes, 1 / 6)).toBe(0.7);
    expect(chooseThreshold(outcomes, 0)).toBe(0.9);
  });
});
