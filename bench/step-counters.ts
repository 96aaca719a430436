import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShapeTotals } from './pg-counter';

/** The statements the service's processes have sent so far and their round trips' time, by role and shape (with BENCH_PG_COUNT, see bench/pg-counter.ts). */
export function pgStatements(): Record<string, ShapeTotals> {
  const dir = process.env.BENCH_PG_COUNT;
  if (!dir) return {};
  const byRole: Record<string, ShapeTotals> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const role = name.split('-')[0];
    const totals: ShapeTotals = JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
    const into = (byRole[role] ??= {});
    for (const [shape, [n, ms]] of Object.entries(totals)) {
      const sum = (into[shape] ??= [0, 0]);
      sum[0] += n;
      sum[1] += ms;
    }
  }
  return byRole;
}

/**
 * Per ticket, what each role sent between two readings: all statements and their round trips'
 * milliseconds, and the shapes that took the most time.
 */
export function statementsPerTicket(before: ReturnType<typeof pgStatements>, after: ReturnType<typeof pgStatements>, tickets: number) {
  const per = (n: number) => Math.round((n / Math.max(1, tickets)) * 1000) / 1000;
  return Object.fromEntries(
    Object.entries(after).map(([role, totals]) => {
      const deltas = Object.entries(totals)
        .map(([shape, [n, ms]]) => ({ shape, n: n - (before[role]?.[shape]?.[0] ?? 0), ms: ms - (before[role]?.[shape]?.[1] ?? 0) }))
        .filter((d) => d.n > 0)
        .sort((a, b) => b.ms - a.ms);
      const sum = (key: 'n' | 'ms') => deltas.reduce((total, d) => total + d[key], 0);
      return [
        role,
        {
          total: per(sum('n')),
          ms: per(sum('ms')),
          shapes: deltas
            .slice(0, 15)
            .map((d) => ({ shape: d.shape, perTicket: per(d.n), msPerTicket: per(d.ms), msEach: Math.round((d.ms / d.n) * 100) / 100 })),
        },
      ];
    }),
  );
}

/** With BENCH_CPU_PROF: each step's window on the monotonic clock the profiles' timestamps use, for bench/cpu-profile.ts --step. */
export function markStep(name: string, fromUs: bigint): void {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(resolve(dir, 'steps.jsonl'), `${JSON.stringify({ name, fromUs: Number(fromUs), toUs: Number(process.hrtime.bigint() / 1000n) })}\n`);
}
