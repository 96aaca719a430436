import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { RunningApp, Topology } from './app-process';
import { BenchRedis } from './bench-redis';
import { bullFloor, pgFloor } from './floors';
import { FULL_STEPS, IntakeSteps, POOL_SIZE, QUICK_STEPS, redisUsedMemory, startIntakeService } from './intake-steps';
import { deleteKeysUnder } from './redis-keys';
import { reportsBench } from './reports';
import { SCALE_PARTS, ScalePart, scaleBench } from './scale';
import { mb, printStep, printTimers } from './step-report';
import { timerBench } from './timers';

const FULL = process.argv.includes('--full');
// `--scale [--size N] [--reuse] [--database NAME] [--rounds N]`: N tickets over five years (10,000,000 by default)
// in the database cm_scale (or NAME, several kept side by side), and what they cost; `--only reports,export,idle,refresh,bursts,intake`
// measures only those parts; `--rounds` sets how many rounds intake runs on each database (2).
const SCALE_ONLY = new Set<ScalePart>(
  process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1].split(',') as ScalePart[]) : SCALE_PARTS,
);
const SCALE = process.argv.includes('--scale');
const SCALE_SIZE = process.argv.includes('--size') ? Number(process.argv[process.argv.indexOf('--size') + 1]) : 10_000_000;
const SCALE_DATABASE = process.argv.includes('--database') ? process.argv[process.argv.indexOf('--database') + 1] : 'cm_scale';
const SCALE_ROUNDS = process.argv.includes('--rounds') ? Number(process.argv[process.argv.indexOf('--rounds') + 1]) : 2;
if (!Number.isInteger(SCALE_ROUNDS) || SCALE_ROUNDS < 1) throw new Error('--rounds: a whole number of rounds, 1 or more');
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
const FLOOR_COUNT = FULL ? 20_000 : 5_000;
const OPEN_TICKETS = 1_000_000;
const DUE_TOGETHER = 10_000;
const SLA_TICK_MS = 1000;
const IN_FLIGHT = 64;
const PG_ROOT = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  if (SCALE) {
    const report = await scaleBench(
      PG_ROOT,
      REDIS_URL,
      { database: SCALE_DATABASE, size: SCALE_SIZE, reuse: process.argv.includes('--reuse'), parts: SCALE_ONLY, rounds: SCALE_ROUNDS },
      (line) => console.log(`scale: ${line}`),
    );
    mkdirSync(resolve(__dirname, '../bench/results'), { recursive: true });
    writeFileSync(resolve(__dirname, '../bench/results/scale-latest.json'), JSON.stringify(report, null, 2));
    console.log(
      `scale: ${report.size} tickets, ${report.database.mbPerMillionTickets} MB per million; load average ${report.loadAverage.before} → ${report.loadAverage.after}`,
    );
    if (report.intake && !report.intake.correct) process.exitCode = 1;
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

async function intake(run: string): Promise<void> {
  const database = `cm_bench_${run}`;
  const prefix = `cm-bench-${run}`;
  const url = `${PG_ROOT}/${database}`;
  const admin = new Client({ connectionString: `${PG_ROOT}/postgres` });
  await admin.connect();
  const bench = REDIS_CLUSTER ? await BenchRedis.cluster() : BenchRedis.single(REDIS_URL);
  console.log(`Redis: ${bench.description}`);
  const redis = bench.connect('commands');
  let app: RunningApp | undefined;
  let pg: Client | undefined;
  try {
    ({ app, pg } = await startIntakeService(
      url,
      bench,
      prefix,
      { receiptsHeld: RECEIPTS_HELD, keywords: KEYWORDS, slaTickMs: SLA_TICK_MS },
      TOPOLOGY,
      REPLICAS,
    ));
    const idleRssMb = app.rssMb();
    const redisBefore = await redisUsedMemory(redis);
    const { steps, saturation } = await new IntakeSteps({ receiptsHeld: RECEIPTS_HELD }).run({ app, pg, redis }, FULL ? FULL_STEPS : QUICK_STEPS, printStep);
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
    await pg?.end().catch(() => undefined);
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
