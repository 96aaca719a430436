import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The statements the service's processes have sent so far, by role and shape (with BENCH_PG_COUNT, see bench/pg-counter.ts). */
export function pgStatements(): Record<string, Record<string, number>> {
  const dir = process.env.BENCH_PG_COUNT;
  if (!dir) return {};
  const byRole: Record<string, Record<string, number>> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const role = name.split('-')[0];
    const counts: Record<string, number> = JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
    const into = (byRole[role] ??= {});
    for (const [shape, n] of Object.entries(counts)) into[shape] = (into[shape] ?? 0) + n;
  }
  return byRole;
}

/** Per ticket, what each role sent between two readings: all statements, and the commonest shapes. */
export function statementsPerTicket(before: ReturnType<typeof pgStatements>, after: ReturnType<typeof pgStatements>, tickets: number) {
  const per = (n: number) => Math.round((n / Math.max(1, tickets)) * 100) / 100;
  return Object.fromEntries(
    Object.entries(after).map(([role, counts]) => {
      const deltas = Object.entries(counts)
        .map(([shape, n]) => [shape, n - (before[role]?.[shape] ?? 0)] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]);
      return [role, { total: per(deltas.reduce((sum, [, n]) => sum + n, 0)), shapes: deltas.slice(0, 15).map(([shape, n]) => ({ shape, perTicket: per(n) })) }];
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
