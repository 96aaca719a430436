import { summary } from './stats';
import { TimerReport } from './timers';

/** What one open-loop intake step measured. */
export interface StepReport {
  offeredPerSecond: number;
  requests: number;
  distinctEvents: number;
  accepted: number;
  httpErrors: number;
  resent: number;
  httpMs: ReturnType<typeof summary>;
  receiptToInboxMs: ReturnType<typeof summary>;
  /** From the intended send time of an event's first request to its ticket in the inbox: what a citizen waits. */
  sendToInboxMs: ReturnType<typeof summary>;
  ticketsPerSecond: number;
  tickets: number;
  triage: number;
  /** Tickets whose first notice — the receipt ("Başvurunuz alındı …") or a referral's — the local sender sent before the step ended. */
  receiptsSent: number;
  /** Tickets that get one: every distinct event but a web form's (the form's answer page shows the number). */
  receiptsExpected: number;
  correct: boolean;
  pgCommitsPerTicket: number;
  redisCommandsPerTicket: number;
  /** CPU time per ticket over the step and its drain: the service's processes, all PostgreSQL backends, Redis, this load generator. */
  cpuMsPerTicket: { service: number; byRole: Record<string, number>; postgres: number; redis: number; loadGenerator: number };
  peakRssMb: number;
  /**
   * With BENCH_PG_COUNT: statements each role sent to PostgreSQL per ticket (BEGIN and COMMIT included) and their round trips'
   * milliseconds per ticket, and the shapes that took the most time (with each one's mean round trip).
   */
  pgStatementsPerTicket?: Record<string, { total: number; ms: number; shapes: { shape: string; perTicket: number; msPerTicket: number; msEach: number }[] }>;
}

export function perTicketMs(seconds: number, tickets: number): number {
  return Math.round((seconds * 1000 * 100) / Math.max(1, tickets)) / 100;
}

export function mb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

export function printTimers(t: TimerReport): void {
  console.log(
    `\ndeadline timer with ${t.openTickets} open tickets and clocks (generated in ${t.generateSeconds} s): ` +
      `idle tick p50/p95/p99 ${t.idleTickMs.p50}/${t.idleTickMs.p95}/${t.idleTickMs.p99} ms [${t.idleTickPlan}]`,
  );
  console.log(
    `${t.batch} due at one instant (tick every ${t.tickMs} ms): first committed ${t.batchFirstCommittedAfterDueMs} ms, all ${t.batchEscalations} escalations ` +
      `and ${t.batchTimelineEvents} timeline events committed ${t.batchAllCommittedAfterDueMs} ms after the due instant, ${t.batchProcessedMs} ms after the tick that found them (${t.wal.mb} MB of WAL, ${t.wal.fullPageImages} full-page images, ${t.wal.checkpoints} checkpoints, ${t.wal.backendWrites} pages written by backends); ${t.notifyJobs} notify jobs; ` +
      `Redis used_memory ${t.redisUsedMemoryMb.beforeClocks} MB before the clocks, ${t.redisUsedMemoryMb.afterClocks} MB after, ${t.redisUsedMemoryMb.afterBatch} MB after the batch`,
  );
}

export function printStep(s: StepReport, label?: string): void {
  console.log(formatStep(s, label));
}

export function formatStep(s: StepReport, label = `${s.offeredPerSecond}/s offered`): string {
  const roles = Object.entries(s.cpuMsPerTicket.byRole)
    .map(([role, ms]) => `${role} ${ms}`)
    .join(', ');
  const statements = Object.entries(s.pgStatementsPerTicket ?? {}).flatMap(([role, { total, ms, shapes }]) => [
    `  ${role}: ${total} PostgreSQL statements per ticket, ${ms} ms of round trips per ticket (per ticket: statements, ms; ms each)`,
    ...shapes.map(
      ({ shape, perTicket, msPerTicket, msEach }) =>
        `    ${String(perTicket).padStart(6)} ${String(msPerTicket).padStart(7)} ${String(msEach).padStart(7)}  ${shape}`,
    ),
  ]);
  return [
    `${label.padEnd(18)} ${s.requests} requests (${s.distinctEvents} distinct, ${s.httpErrors} failed, ${s.resent} resent) → ${s.tickets} tickets (${s.triage} triage, ${s.receiptsSent} of ${s.receiptsExpected} receipts sent), correct=${s.correct}, ` +
      `${s.ticketsPerSecond} tickets/s; HTTP p50/p95/p99 ${s.httpMs.p50}/${s.httpMs.p95}/${s.httpMs.p99} ms; ` +
      `receipt→inbox p50/p95/p99 ${s.receiptToInboxMs.p50}/${s.receiptToInboxMs.p95}/${s.receiptToInboxMs.p99} ms; ` +
      `send→inbox p50/p95/p99 ${s.sendToInboxMs.p50}/${s.sendToInboxMs.p95}/${s.sendToInboxMs.p99} ms; ` +
      `${s.pgCommitsPerTicket} PG commits and ${s.redisCommandsPerTicket} Redis commands per ticket; ` +
      `CPU ms per ticket: service ${s.cpuMsPerTicket.service} (${roles}), PostgreSQL ${s.cpuMsPerTicket.postgres}, Redis ${s.cpuMsPerTicket.redis}, load generator ${s.cpuMsPerTicket.loadGenerator}; peak RSS ${s.peakRssMb} MB`,
    ...statements,
  ].join('\n');
}
