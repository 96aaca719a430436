/** One finished or open step as the report reads it. */
export interface ReportStepRow {
  instanceId: string;
  instanceEnded: boolean;
  key: string;
  name: string;
  openedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
}

export interface StepFigures {
  key: string;
  name: string;
  completed: number;
  onTime: number;
  onTimeRatio: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface ProcessFigures {
  /** Ended instances (completed, rejected or filed away): the ones whose punctuality is known. */
  ended: number;
  endedOnTime: number;
  onTimeRatio: number | null;
  target: number;
  targetMet: boolean | null;
  /** Slowest first, by their 90th percentile. */
  steps: StepFigures[];
}

const DAY = 86_400_000;

/** A step is on time when it was completed by its due instant (the range's maximum). */
export const finishedOnTime = (row: Pick<ReportStepRow, 'completedAt' | 'dueAt'>) => row.completedAt !== null && row.completedAt <= row.dueAt;

/**
 * The template's figures: the share of ended instances all of whose steps finished within
 * their allowed time (the sister-city target is 90%), and each step's typical and slow times.
 */
export function summarise(rows: ReportStepRow[], target: number): ProcessFigures {
  const instances = new Map<string, boolean>();
  for (const row of rows) {
    if (!row.instanceEnded) continue;
    instances.set(row.instanceId, (instances.get(row.instanceId) ?? true) && finishedOnTime(row));
  }
  const ended = instances.size;
  const endedOnTime = [...instances.values()].filter(Boolean).length;
  const onTimeRatio = ended ? round(endedOnTime / ended, 4) : null;
  const byStep = new Map<string, ReportStepRow[]>();
  for (const row of rows) {
    if (!row.completedAt) continue;
    byStep.set(row.key, [...(byStep.get(row.key) ?? []), row]);
  }
  const steps = [...byStep.entries()].map(([key, done]) => {
    const days = done.map((r) => (r.completedAt!.getTime() - r.openedAt.getTime()) / DAY).sort((a, b) => a - b);
    const onTime = done.filter(finishedOnTime).length;
    return {
      key,
      name: done[0].name,
      completed: done.length,
      onTime,
      onTimeRatio: round(onTime / done.length, 4),
      medianDays: round(percentile(days, 0.5)!, 2),
      p90Days: round(percentile(days, 0.9)!, 2),
    };
  });
  steps.sort((a, b) => (b.p90Days ?? 0) - (a.p90Days ?? 0) || a.key.localeCompare(b.key));
  return { ended, endedOnTime, onTimeRatio, target, targetMet: onTimeRatio === null ? null : onTimeRatio >= target, steps };
}

/** Linear interpolation between closest ranks (as PostgreSQL's percentile_cont); `sorted` ascending. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
