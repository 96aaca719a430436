import { Queue } from 'bullmq';
import { Client } from 'pg';
import { resolve } from 'node:path';
import { summary } from './stats';

export interface TimerReport extends DueTogether {
  openTickets: number;
  generateSeconds: number;
  idleTickMs: ReturnType<typeof summary>;
  idleTickPlan: string;
  batch: number;
  tickMs: number;
  redisUsedMemoryMb: { beforeClocks: number; afterClocks: number; afterBatch: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The deadline timer against `open` open tickets, each with its clock, in the running service's
 * database: the cost of a tick with nothing due (the tick's own transaction, timed from here),
 * and how late `batch` tickets falling due at the same instant are escalated by the service.
 */
export async function timerBench(
  url: string,
  redisUsedMb: () => Promise<number>,
  queuePrefix: string,
  redisUrl: string,
  open: number,
  batch: number,
  tickMs: number,
): Promise<TimerReport> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    const beforeClocks = await redisUsedMb();
    const generated = performance.now();
    await generate(pg, open);
    const generateSeconds = Math.round((performance.now() - generated) / 100) / 10;
    await pg.query('ANALYZE sla_clocks, sla_timers');
    const afterClocks = await redisUsedMb();

    const idle = await idleTicks(pg, 500);
    const due = await dueTogether(pg, batch, queuePrefix, redisUrl);
    return {
      openTickets: open,
      generateSeconds,
      idleTickMs: idle.ms,
      idleTickPlan: idle.plan,
      batch,
      ...due,
      tickMs,
      redisUsedMemoryMb: { beforeClocks, afterClocks, afterBatch: await redisUsedMb() },
    };
  } finally {
    await pg.end();
  }
}

/** The statement the service's timer runs each tick and the plan setting it runs it with (see SlaTicker), from the built service. */
function firingStatement(): { FIRE_DUE_STEPS: string; FIRE_DUE_STEPS_PLAN: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built service's statement, found by path at run time
  return require(resolve(__dirname, '../dist/src/modules/sla/sla-ticker.js'));
}

/** A tick with nothing due, `times` over: the timer's transaction as the service runs it, timed from here. */
export async function idleTicks(pg: Client, times: number): Promise<{ ms: ReturnType<typeof summary>; plan: string }> {
  const { FIRE_DUE_STEPS, FIRE_DUE_STEPS_PLAN } = firingStatement();
  const idle: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await pg.query('BEGIN');
    await pg.query(FIRE_DUE_STEPS_PLAN);
    const { rowCount } = await pg.query(FIRE_DUE_STEPS, [new Date(), 5000]);
    await pg.query('COMMIT');
    idle.push(performance.now() - started);
    if (rowCount) throw new Error('something fell due during the idle measurement');
  }
  await pg.query('BEGIN');
  await pg.query(FIRE_DUE_STEPS_PLAN);
  const plan = await pg.query(`EXPLAIN SELECT ctid, next_at FROM sla_timers WHERE next_at <= now() ORDER BY next_at LIMIT 5000 FOR UPDATE SKIP LOCKED`);
  await pg.query('COMMIT');
  return { ms: summary(idle), plan: plan.rows.map((r) => r['QUERY PLAN']).join(' | ') };
}

export interface DueTogether {
  /** The clocks set due (fewer than asked for when the database has fewer running at level 0). */
  clocks: number;
  batchFirstCommittedAfterDueMs: number;
  batchAllCommittedAfterDueMs: number;
  /** From the tick that found them (its start, `escalations.fired_at`) to the last of them committed. */
  batchProcessedMs: number;
  batchEscalations: number;
  batchTimelineEvents: number;
  notifyJobs: number;
  /** What PostgreSQL wrote from the due instant to the last step committed: WAL, full-page images, checkpoints, evicted pages. */
  wal: WalWritten;
}

export interface WalWritten {
  mb: number;
  fullPageImages: number;
  checkpoints: number;
  /** Dirty pages a backend had to write itself to free a buffer (shared buffers too small for the burst). */
  backendWrites: number;
}

const WAL_COUNTERS = `SELECT w.wal_bytes::float8 AS bytes, w.wal_fpi::float8 AS fpi, (b.checkpoints_timed + b.checkpoints_req)::float8 AS checkpoints,
                             b.buffers_backend::float8 AS backend
                        FROM pg_stat_wal w, pg_stat_bgwriter b`;

/** The server's WAL counters now; the returned function gives what was written since. */
async function walSince(pg: Client): Promise<() => Promise<WalWritten>> {
  const read = async () => (await pg.query(WAL_COUNTERS)).rows[0] as { bytes: number; fpi: number; checkpoints: number; backend: number };
  const before = await read();
  return async () => {
    const after = await read();
    return {
      mb: Math.round((after.bytes - before.bytes) / 1e5) / 10,
      fullPageImages: after.fpi - before.fpi,
      checkpoints: after.checkpoints - before.checkpoints,
      backendWrites: after.backend - before.backend,
    };
  };
}

/**
 * The `batch` running clocks due soonest fall due together two seconds from now (as after the
 * timer stood still for a while); the running service's own timer takes them.
 */
export async function dueTogether(pg: Client, batch: number, queuePrefix: string, redisUrl: string): Promise<DueTogether> {
  const due = new Date(Date.now() + 2000);
  // A kept database may have fewer running clocks at level 0 than asked for: the batch is what was set due.
  const { rowCount } = await pg.query(
    `UPDATE sla_timers SET next_at = $1, next_level = 1
      WHERE clock_id IN (SELECT clock_id FROM sla_timers WHERE subject_type = 'ticket' AND level = 0 AND next_at > $1 ORDER BY next_at LIMIT $2)`,
    [due, batch],
  );
  const clocks = rowCount ?? 0;
  const written = await walSince(pg);
  // The burst's steps are inserted after the due instant, so their time-ordered ids follow it: a range of the primary
  // key finds them, where counting by due_at scanned every escalation (2.7 million at 10M) every 10 ms beside the burst.
  const since = timeOrderedFloor(new Date(due.getTime() - 1000));
  let first = 0;
  let all = 0;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && !all; await sleep(10)) {
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM escalations WHERE id >= $2 AND due_at = $1`, [due, since]);
    if (rows[0].n > 0 && !first) first = Date.now() - due.getTime();
    if (rows[0].n >= clocks) all = Date.now() - due.getTime();
  }
  const { rows: counts } = await pg.query(
    `SELECT (SELECT extract(epoch FROM min(fired_at)) * 1000 FROM escalations WHERE id >= $2 AND due_at = $1) AS first_tick,
            (SELECT count(*)::int FROM escalations WHERE id >= $2 AND due_at = $1) AS escalations,
            (SELECT count(*)::int FROM ticket_events WHERE type = 'escalated' AND (data->>'dueAt')::timestamptz = $1) AS events`,
    [due, since],
  );
  const url = new URL(redisUrl);
  const queue = new Queue('sla', { prefix: queuePrefix, connection: { host: url.hostname, port: Number(url.port || 6379) } });
  const jobs = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
  await queue.close();
  return {
    clocks,
    batchFirstCommittedAfterDueMs: first,
    batchAllCommittedAfterDueMs: all,
    batchProcessedMs: all ? Math.round(due.getTime() + all - Number(counts[0].first_tick)) : -1,
    batchEscalations: counts[0].escalations,
    batchTimelineEvents: counts[0].events,
    notifyJobs: Object.values(jobs).reduce((a, b) => a + b, 0),
    wal: await written(),
  };
}

/** The smallest UUID version 7 of the millisecond `at`: every id the database makes from then on sorts after it. */
function timeOrderedFloor(at: Date): string {
  const ms = at.getTime().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7000-8000-000000000000`;
}

/** `open` open tickets of one citizen with running clocks due within the next year, written set-based. */
async function generate(pg: Client, open: number): Promise<void> {
  const [{ id: citizen }] = (await pg.query(`INSERT INTO citizens (full_name, phone) VALUES ('Zamanlayıcı Ölçümü', '+905550000000') RETURNING id`)).rows;
  await pg.query(
    `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, resolution_due_at, created_at, updated_at)
     SELECT 'T-' || g, 'sikayet', 'sms', 'new', $1, 'law_3071', 'Ölçüm ' || g, 'Ölçüm', 'olcum', now() + (g % 525600) * interval '1 minute' + interval '1 day', now(), now()
       FROM generate_series(1, $2) g`,
    [citizen, open],
  );
  await pg.query(
    `WITH clocks AS (
       INSERT INTO sla_clocks (subject_type, subject_id, unit, started_at, warning_at, due_at)
       SELECT 'ticket', id, 'calendar_days', created_at, resolution_due_at - interval '6 hours', resolution_due_at FROM tickets WHERE tracking_no LIKE 'T-%'
       RETURNING id, subject_type, subject_id, warning_at, due_at)
     INSERT INTO sla_timers (clock_id, subject_type, subject_id, level, next_level, next_at, due_at)
     SELECT id, subject_type, subject_id, 0, 1, warning_at, due_at FROM clocks`,
  );
}
