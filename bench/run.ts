import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { RunningApp, startApp, Topology } from './app-process';
import { BenchRedis, RedisConnection, serversOf } from './bench-redis';
import { bullFloor, pgFloor } from './floors';
import { openLoop } from './open-loop';
import { cpuSecondsOfCommand } from './proc';
import { inboundEvent } from './payloads';
import { deleteKeysUnder } from './redis-keys';
import { reportsBench } from './reports';
import { SCALE_PARTS, ScalePart, scaleBench } from './scale';
import { summary } from './stats';
import { mb, perTicketMs, printStep, printTimers, StepReport } from './step-report';
import { timerBench } from './timers';

const FULL = process.argv.includes('--full');
// `--scale [--size N] [--reuse] [--database NAME]`: N tickets over five years (10,000,000 by default)
// in the database cm_scale (or NAME, several kept side by side), and what they cost; `--only reports,export,idle,refresh,bursts`
// measures only those parts.
const SCALE_ONLY = new Set<ScalePart>(
  process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1].split(',') as ScalePart[]) : SCALE_PARTS,
);
const SCALE = process.argv.includes('--scale');
const SCALE_SIZE = process.argv.includes('--size') ? Number(process.argv[process.argv.indexOf('--size') + 1]) : 10_000_000;
const SCALE_DATABASE = process.argv.includes('--database') ? process.argv[process.argv.indexOf('--database') + 1] : 'cm_scale';
// `--reports-only`: skip the intake steps and time only the reports over 1,000,000 tickets.
const REPORTS_ONLY = process.argv.includes('--reports-only');
// `--redis-cluster`: the service on a three-master Redis Cluster of the run's own (REDIS_CLUSTER_NODES), not on BENCH_REDIS_URL.
const REDIS_CLUSTER = process.argv.includes('--redis-cluster');
// `--replicas N`: N API processes, the load spread over their ports, and N worker processes (N of `--one-process`'s).
const REPLICAS = process.argv.includes('--replicas') ? Number(process.argv[process.argv.indexOf('--replicas') + 1]) : 1;
if (!Number.isInteger(REPLICAS) || REPLICAS < 1) throw new Error('--replicas takes a whole number of at least 1');
// `--intake-only`: the intake steps and floors, without the timer and report data sets of a million tickets;
// implied by --redis-cluster and --replicas, which apply to the intake steps only (the timer part reads one Redis and one process).
const INTAKE_ONLY = process.argv.includes('--intake-only') || REDIS_CLUSTER || REPLICAS > 1;
// The service as docker-compose deploys it (an API process and a worker process), or `--one-process` as `npm start` runs it.
const TOPOLOGY: Topology = process.argv.includes('--one-process') ? 'one-process' : 'api+worker';
// `--receipts-held`: the receipts wait for the end of a quiet window (23:59 Istanbul), so a step measures intake and routing alone.
const RECEIPTS_HELD = process.argv.includes('--receipts-held');
// `--keyword-categoriser`: no trained model (as before the first training): intake categorises by the categories' keywords.
const KEYWORDS = process.argv.includes('--keyword-categoriser');
const REPORTS_LIMIT_MS = 2000;
const RATES = FULL ? [250, 500, 1000, 2000] : [250, 500];
const STEP_SECONDS = FULL ? 15 : 5;
const SATURATION = FULL ? { rate: 3000, seconds: 5 } : { rate: 1500, seconds: 3 };
const FLOOR_COUNT = FULL ? 20_000 : 5_000;
const OPEN_TICKETS = 1_000_000;
const DUE_TOGETHER = 10_000;
const SLA_TICK_MS = 1000;
const POOL_SIZE = 10;
const IN_FLIGHT = 64;
const KEY = 'bench-intake-key-0123456789';
const PG_ROOT = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

function cpuNow(app: RunningApp) {
  const own = process.cpuUsage();
  return {
    service: app.cpuSeconds(),
    byRole: app.cpuSecondsByRole(),
    postgres: cpuSecondsOfCommand('postgres'),
    redis: cpuSecondsOfCommand('redis-server'),
    loadGenerator: (own.user + own.system) / 1e6,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A figure of INFO summed over the servers (every master of a cluster). */
async function redisInfoSum(redis: RedisConnection, section: string, pattern: RegExp): Promise<number> {
  const infos = await Promise.all((await serversOf(redis)).map((server) => server.info(section)));
  return infos.reduce((sum, info) => [...info.matchAll(pattern)].reduce((inner, m) => inner + Number(m[1]), sum), 0);
}

const redisCalls = (redis: RedisConnection) => redisInfoSum(redis, 'commandstats', /calls=(\d+)/g);
const redisUsedMemory = (redis: RedisConnection) => redisInfoSum(redis, 'memory', /^used_memory:(\d+)/gm);

async function commits(pg: Client): Promise<number> {
  const { rows } = await pg.query('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0].xact_commit);
}

/** The statements the service's processes have sent so far, by role and shape (with BENCH_PG_COUNT, see bench/pg-counter.ts). */
function pgStatements(): Record<string, Record<string, number>> {
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
function statementsPerTicket(before: ReturnType<typeof pgStatements>, after: ReturnType<typeof pgStatements>, tickets: number) {
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
function markStep(name: string, fromUs: bigint): void {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(resolve(dir, 'steps.jsonl'), `${JSON.stringify({ name, fromUs: Number(fromUs), toUs: Number(process.hrtime.bigint() / 1000n) })}\n`);
}

/** Sends one open-loop step (5% of requests are provider retries) and waits for the pipeline to drain. */
let stepsStarted = 0;

async function step(app: RunningApp, pg: Client, redis: RedisConnection, name: string, rate: number, seconds: number): Promise<StepReport> {
  // Each step's one-off senders are new (up to 1,000,000 events a step); the regulars are shared.
  const senderBase = (stepsStarted += 1) * 1_000_000;
  const requests = rate * seconds;
  // Every 20th request repeats the previous event: a provider retrying with the same id.
  const eventIndex = (i: number) => (i % 20 === 19 ? i - 1 : i);
  const distinctEvents = new Set(Array.from({ length: requests }, (_, i) => eventIndex(i)));
  const distinct = distinctEvents.size;
  // Every ticket but a web form's gets its first notice (the form's answer page shows the number): the receipt, or the referral
  // to another institution for a category that is not the municipality's.
  const receiptsExpected = [...distinctEvents].filter((i) => inboundEvent(name, i, senderBase).channel !== 'web').length;
  // What autovacuum's analyze would have done meanwhile on a production server (this machine's
  // PostgreSQL runs without it): the planner's statistics brought up to the rows the earlier steps wrote.
  await pg.query('ANALYZE');
  const [commits0, calls0, cpu0, statements0] = [await commits(pg), await redisCalls(redis), cpuNow(app), pgStatements()];
  const startedUs = process.hrtime.bigint() / 1000n;
  let peakRss = app.rssMb();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, app.rssMb())), 200);
  const load = await openLoop(app.ports, '/api/v1/intake/events', { 'x-intake-key': KEY }, rate, requests, (i) =>
    JSON.stringify(inboundEvent(name, eventIndex(i), senderBase)),
  );
  const deadline = Date.now() + 180_000;
  let drained = false;
  while (Date.now() < deadline && !drained) {
    const { rows } = await pg.query(
      `SELECT count(*) FILTER (WHERE e.state = 'received' OR (t.routed_at IS NULL AND NOT t.triage AND t.status = 'new'))::int
            + (SELECT count(*) FROM outbound_messages WHERE state IN ('pending', 'sending') AND not_before <= now())::int AS pending
         FROM inbound_events e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.provider_id LIKE $1`,
      [`${name}-%`],
    );
    drained = rows[0].pending === 0;
    if (!drained) await sleep(100);
  }
  clearInterval(sampler);
  const cpu1 = cpuNow(app);
  markStep(name, startedUs);
  await sleep(1100); // PostgreSQL flushes its commit counters about once a second
  const [commits1, calls1, statements1] = [await commits(pg), await redisCalls(redis), pgStatements()];
  const { rows } = await pg.query(
    `SELECT extract(epoch FROM t.routed_at - e.received_at) * 1000 AS ms, t.triage, t.routed_at, e.received_at, e.ticket_id, e.provider_id
       FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.provider_id LIKE $1`,
    [`${name}-%`],
  );
  const routed = rows.filter((r) => r.routed_at);
  const first = Math.min(...rows.map((r) => new Date(r.received_at).getTime()));
  const last = Math.max(...routed.map((r) => new Date(r.routed_at).getTime()));
  const { rows: events } = await pg.query(
    `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets,
            (SELECT count(*)::int FROM outbound_messages o WHERE o.purpose IN ('received', 'referred') AND o.state = 'sent' AND o.ticket_id IN (SELECT ticket_id FROM inbound_events WHERE provider_id LIKE $1)) AS receipts
       FROM inbound_events WHERE provider_id LIKE $1`,
    [`${name}-%`],
  );
  return {
    offeredPerSecond: rate,
    requests,
    distinctEvents: distinct,
    accepted: load.accepted,
    httpErrors: load.errors,
    resent: load.resent,
    httpMs: summary(load.latenciesMs),
    receiptToInboxMs: summary(routed.map((r) => Number(r.ms))),
    // an event's first request is the one whose index is the event's own
    sendToInboxMs: summary(routed.map((r) => new Date(r.routed_at).getTime() - load.intendedAt[Number(r.provider_id.slice(name.length + 1))])),
    ticketsPerSecond: Math.round(rows.length / ((last - first) / 1000)),
    tickets: events[0].tickets,
    triage: rows.filter((r) => r.triage).length,
    receiptsSent: events[0].receipts,
    receiptsExpected,
    correct: drained && events[0].n === distinct && events[0].tickets === distinct && (RECEIPTS_HELD || events[0].receipts === receiptsExpected),
    pgCommitsPerTicket: Math.round(((commits1 - commits0) / Math.max(1, rows.length)) * 100) / 100,
    redisCommandsPerTicket: Math.round(((calls1 - calls0) / Math.max(1, rows.length)) * 10) / 10,
    cpuMsPerTicket: {
      service: perTicketMs(cpu1.service - cpu0.service, rows.length),
      byRole: Object.fromEntries(Object.entries(cpu1.byRole).map(([role, s]) => [role, perTicketMs(s - (cpu0.byRole[role] ?? 0), rows.length)])),
      postgres: perTicketMs(cpu1.postgres - cpu0.postgres, rows.length),
      redis: perTicketMs(cpu1.redis - cpu0.redis, rows.length),
      loadGenerator: perTicketMs(cpu1.loadGenerator - cpu0.loadGenerator, rows.length),
    },
    peakRssMb: peakRss,
    ...(process.env.BENCH_PG_COUNT ? { pgStatementsPerTicket: statementsPerTicket(statements0, statements1, rows.length) } : {}),
  };
}

async function main(): Promise<void> {
  if (SCALE) {
    const report = await scaleBench(
      PG_ROOT,
      REDIS_URL,
      { database: SCALE_DATABASE, size: SCALE_SIZE, reuse: process.argv.includes('--reuse'), parts: SCALE_ONLY },
      (line) => console.log(`scale: ${line}`),
    );
    mkdirSync(resolve(__dirname, '../bench/results'), { recursive: true });
    writeFileSync(resolve(__dirname, '../bench/results/scale-latest.json'), JSON.stringify(report, null, 2));
    console.log(
      `scale: ${report.size} tickets, ${report.database.mbPerMillionTickets} MB per million; load average ${report.loadAverage.before} → ${report.loadAverage.after}`,
    );
    return;
  }
  const run = randomBytes(3).toString('hex');
  if (!REPORTS_ONLY) await intake(run);
  if (INTAKE_ONLY) return;
  const reports = await reportsBench(PG_ROOT, REDIS_URL, run);
  console.log(
    `reports: slowest of ${reports.reports.length} reports for a year over ${reports.tickets} tickets: ${reports.slowestMs} ms (limit ${REPORTS_LIMIT_MS} ms)`,
  );
  mkdirSync(resolve(__dirname, '../bench/results'), { recursive: true });
  writeFileSync(resolve(__dirname, '../bench/results/reports-latest.json'), JSON.stringify({ date: new Date().toISOString(), ...reports }, null, 2));
  if (reports.slowestMs > REPORTS_LIMIT_MS) {
    console.error(`REPORTS TOO SLOW: ${reports.slowestMs} ms > ${REPORTS_LIMIT_MS} ms`);
    process.exitCode = 1;
  }
}

/** Worker processes boot beside the API: wait until each of them takes intake jobs. */
async function untilIntakeWorkers(bench: BenchRedis, prefix: string, workers: number): Promise<void> {
  const connection = bench.connect('queue');
  const queue = new Queue('intake', { connection, prefix: bench.keyPrefix(prefix) });
  try {
    const deadline = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) < workers) {
      if (Date.now() > deadline) throw new Error('no intake worker started');
      await sleep(200);
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** A fresh service trains its first category model from the corpus: intake is measured on the model, not on the training. */
async function untilClassifierModel(pg: Client): Promise<void> {
  const deadline = Date.now() + 180_000;
  while ((await pg.query(`SELECT 1 FROM classifier_models WHERE active`)).rowCount === 0) {
    if (Date.now() > deadline) throw new Error('no classifier model trained within three minutes');
    await sleep(500);
  }
}

async function intake(run: string): Promise<void> {
  const database = `cm_bench_${run}`;
  const prefix = `cm-bench-${run}`;
  const url = `${PG_ROOT}/${database}`;
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const admin = new Client({ connectionString: `${PG_ROOT}/postgres` });
  await admin.connect();
  const bench = REDIS_CLUSTER ? await BenchRedis.cluster() : BenchRedis.single(REDIS_URL);
  console.log(`Redis: ${bench.description}`);
  const redis = bench.connect('commands');
  let app: RunningApp | undefined;
  const pg = new Client({ connectionString: url });
  try {
    app = await startApp(
      {
        DATABASE_URL: url,
        ...bench.env(prefix),
        INTAKE_API_KEY: KEY,
        INTAKE_THREAD_WINDOW_HOURS: '0',
        SEED_DEMO_USERS: 'false',
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        SLA_TICK_MS: String(SLA_TICK_MS),
        // No quiet hours: every receipt is sent during its step (by the local sender), as by day, whatever the hour of the run;
        // or, with --receipts-held, one quiet window all day but its last minute.
        NOTIFY_QUIET_HOURS: RECEIPTS_HELD ? '00:00-23:59' : '00:00-00:00',
        ...(KEYWORDS ? { CLASSIFIER_AUTO_TRAIN: 'false' } : {}),
      },
      port,
      TOPOLOGY,
      REPLICAS,
    );
    await untilIntakeWorkers(bench, prefix, REPLICAS);
    await pg.connect();
    if (!KEYWORDS) await untilClassifierModel(pg);
    const idleRssMb = app.rssMb();
    const redisBefore = await redisUsedMemory(redis);
    // The first seconds of a fresh process run cold (JIT, connection pools, PostgreSQL's caches).
    printStep(await step(app, pg, redis, 'warm', 100, FULL ? 10 : 5), 'warm-up (not counted)');
    const steps: StepReport[] = [];
    for (const rate of RATES) {
      steps.push(await step(app, pg, redis, `r${rate}`, rate, STEP_SECONDS));
      printStep(steps.at(-1)!);
    }
    const saturation = await step(app, pg, redis, 'sat', SATURATION.rate, SATURATION.seconds);
    printStep(saturation, 'saturation');
    const redisAfter = await redisUsedMemory(redis);
    const pgFloorPerSecond = await pgFloor(url, POOL_SIZE, IN_FLIGHT, FLOOR_COUNT);
    const bullFloorPerSecond = await bullFloor(() => bench.connect('queue'), bench.keyPrefix(`${prefix}-floor`), 8, FLOOR_COUNT);
    const redisMb = async () => mb(await redisUsedMemory(redis));
    const timers = INTAKE_ONLY ? null : await timerBench(url, redisMb, prefix, REDIS_URL, OPEN_TICKETS, DUE_TOGETHER, SLA_TICK_MS);
    if (timers) printTimers(timers);
    const report = {
      date: new Date().toISOString(),
      mode: FULL ? 'full' : 'quick',
      service: { topology: TOPOLOGY, replicas: REPLICAS, redis: REDIS_CLUSTER ? 'cluster' : 'single' },
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      steps,
      saturation,
      floors: {
        pgTicketsPerSecond: pgFloorPerSecond,
        bullJobsPerSecond: bullFloorPerSecond,
        pipelineOverPgFloor: Math.round((saturation.ticketsPerSecond / pgFloorPerSecond) * 100) / 100,
        pipelineOverBullFloor: Math.round((saturation.ticketsPerSecond / bullFloorPerSecond) * 100) / 100,
      },
      timers,
      memory: {
        idleRssMb,
        peakRssMb: Math.max(...steps.map((s) => s.peakRssMb), saturation.peakRssMb),
        redisUsedMemoryMb: { before: mb(redisBefore), after: mb(redisAfter) },
      },
    };
    console.log(
      `\nfloors: bare pg ${pgFloorPerSecond} tickets/s (3 rows, 1 commit each, pool ${POOL_SIZE}, ${IN_FLIGHT} in flight); bare BullMQ ${bullFloorPerSecond} jobs/s`,
    );
    console.log(`pipeline at saturation / pg floor: ${report.floors.pipelineOverPgFloor}; / BullMQ floor: ${report.floors.pipelineOverBullFloor}`);
    console.log(`memory: service RSS ${idleRssMb} MB idle, ${report.memory.peakRssMb} MB peak; Redis used_memory ${mb(redisBefore)} → ${mb(redisAfter)} MB`);
    mkdirSync(resolve(__dirname, '../bench/results'), { recursive: true });
    if (!INTAKE_ONLY) writeFileSync(resolve(__dirname, '../bench/results/latest.json'), JSON.stringify(report, null, 2));
    if (![...steps, saturation].every((s) => s.correct)) {
      console.error('CORRECTNESS CHECK FAILED: tickets != distinct events, or a receipt not sent');
      process.exitCode = 1;
    }
  } finally {
    await pg.end().catch(() => undefined);
    await app?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await deleteKeysUnder(redis, bench.keyPrefix(prefix));
    await deleteKeysUnder(redis, bench.keyPrefix(`${prefix}-floor`));
    redis.disconnect();
    await bench.stop();
  }
}

console.log(
  `Çözüm Masası intake benchmark (${FULL ? 'full' : 'quick'}, service as ${REPLICAS} × ${TOPOLOGY} on ${REDIS_CLUSTER ? 'a Redis Cluster' : 'one Redis'}, categorised by ${KEYWORDS ? 'keywords' : 'the trained model'}, receipts ${RECEIPTS_HELD ? 'held' : 'sent'}) on ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
try {
  console.log(
    `git ${execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()}; ${readFileSync('/proc/loadavg', 'utf8').trim()} load`,
  );
} catch {
  // not a git checkout
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
