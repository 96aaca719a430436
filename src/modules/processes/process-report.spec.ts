import { percentile, ReportStepRow, summarise } from './process-report';

const DAY = 86_400_000;
const t0 = new Date('2026-11-02T06:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

function step(instanceId: string, key: string, took: number | null, allowed: number, ended = true): ReportStepRow {
  return { instanceId, instanceEnded: ended, key, name: `Adım ${key}`, openedAt: t0, dueAt: at(allowed), completedAt: took === null ? null : at(took) };
}

describe('process report arithmetic', () => {
  it('counts an ended instance on time only when every one of its steps was', () => {
    const figures = summarise(
      [
        step('a', '1', 1, 3),
        step('a', '2', 2, 2), // on time, the second exactly at its due instant
        step('b', '1', 1, 3),
        step('b', '2', 2.5, 2), // late at step 2
        step('c', '1', 0.5, 3),
        step('c', 'K', 6, 7), // rejected at the council, on time
        step('d', '1', 5, 3, false), // still running: not judged yet
      ],
      0.9,
    );
    expect(figures).toMatchObject({ ended: 3, endedOnTime: 2, onTimeRatio: 0.6667, target: 0.9, targetMet: false });
  });

  it('meets the target at exactly 90%', () => {
    const rows = Array.from({ length: 10 }, (_, i) => step(`i${i}`, '1', i === 0 ? 4 : 1, 3));
    expect(summarise(rows, 0.9)).toMatchObject({ ended: 10, endedOnTime: 9, onTimeRatio: 0.9, targetMet: true });
  });

  it('has no ratio before any instance has ended', () => {
    expect(summarise([step('a', '1', null, 3, false)], 0.9)).toMatchObject({ ended: 0, onTimeRatio: null, targetMet: null, steps: [] });
  });

  it('lists the slowest steps first with their median and 90th percentile', () => {
    const rows = [
      ...[1, 2, 3, 4, 10].map((d, i) => step(`x${i}`, '5', d, 21)),
      ...[0.5, 1, 1.5].map((d, i) => step(`y${i}`, '1', d, 3)),
      step('z', '2', null, 2, false),
    ];
    const { steps } = summarise(rows, 0.9);
    expect(steps.map((s) => s.key)).toEqual(['5', '1']);
    expect(steps[0]).toMatchObject({ completed: 5, onTime: 5, medianDays: 3, p90Days: 7.6 });
    expect(steps[1]).toMatchObject({ completed: 3, medianDays: 1, p90Days: 1.4 });
  });

  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6);
  });
});
