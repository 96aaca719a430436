import { Queue } from 'bullmq';
import { Client } from 'pg';
import { RunningApp, servicePort, startApp, Topology } from './app-process';
import { BenchRedis, RedisConnection, serversOf } from './bench-redis';
import { openLoop } from './open-loop';
import { inboundEvent } from './payloads';
import { cpuSecondsOfCommand } from './proc';
import { summary } from './stats';
import { markStep, pgStatements, statementsPerTicket } from './step-counters';
import { perTicketMs, StepReport } from './step-report';

export const INTAKE_KEY = 'bench-intake-key-0123456789';
export const POOL_SIZE = 10;
const THREAD_WINDOW_HOURS = '0';

/** A warm-up (not counted), steps at fixed rates, then a step offered more than the pipeline takes. */
export interface StepPlan {
  warm: { rate: number; seconds: number };
  rates: number[];
  stepSeconds: number;
  saturation: { rate: number; seconds: number };
}

export const QUICK_STEPS: StepPlan = { warm: { rate: 100, seconds: 5 }, rates: [250, 500], stepSeconds: 5, saturation: { rate: 1500, seconds: 3 } };
export const FULL_STEPS: StepPlan = {
  warm: { rate: 100, seconds: 10 },
  rates: [250, 500, 1000, 2000],
  stepSeconds: 15,
  saturation: { rate: 3000, seconds: 5 },
};

/** How the service is set up for intake steps. */
export interface IntakeSettings {
  /** The receipts wait for the end of a quiet window (23:59 Istanbul), so a step measures intake and routing alone. */
  receiptsHeld: boolean;
  /** No trained model (as before the first training): intake categorises by the categories' keywords. */
  keywords: boolean;
  slaTickMs: number;
}

/** A running service taking intake steps: its processes, a connection to its database, one to its Redis. */
export interface IntakeTarget {
  app: RunningApp;
  pg: Client;
  redis: RedisConnection;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the service on `url` (creating and migrating the database when it does not exist) as
 * the intake steps want it, and waits until every worker takes intake jobs and, unless
 * categorised by keywords, its first category model is trained: intake is measured on the
 * model, not on the training.
 */
export async function startIntakeService(
  url: string,
  bench: BenchRedis,
  prefix: string,
  settings: IntakeSettings,
  topology: Topology,
  replicas = 1,
): Promise<{ app: RunningApp; pg: Client }> {
  const app = await startApp(
    {
      DATABASE_URL: url,
      ...bench.env(prefix),
      INTAKE_API_KEY: INTAKE_KEY,
      INTAKE_THREAD_WINDOW_HOURS: THREAD_WINDOW_HOURS,
      SEED_DEMO_USERS: 'false',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      SLA_TICK_MS: String(settings.slaTickMs),
      // No quiet hours: every receipt is sent during its step (by the local sender), as by day, whatever the hour of the run;
      // or, with receipts held, one quiet window all day but its last minute.
      NOTIFY_QUIET_HOURS: settings.receiptsHeld ? '00:00-23:59' : '00:00-00:00',
      ...(settings.keywords ? { CLASSIFIER_AUTO_TRAIN: 'false' } : {}),
    },
    servicePort(),
    topology,
    replicas,
  );
  const pg = new Client({ connectionString: url });
  try {
    await untilIntakeWorkers(bench, prefix, replicas);
    await pg.connect();
    if (!settings.keywords) await untilClassifierModel(pg);
    return { app, pg };
  } catch (error) {
    await pg.end().catch(() => undefined);
    await app.stop();
    throw error;
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

async function untilClassifierModel(pg: Client): Promise<void> {
  const deadline = Date.now() + 180_000;
  while ((await pg.query(`SELECT 1 FROM classifier_models WHERE active`)).rowCount === 0) {
    if (Date.now() > deadline) throw new Error('no classifier model trained within three minutes');
    await sleep(500);
  }
}

/** A figure of INFO summed over the servers (every master of a cluster). */
async function redisInfoSum(redis: RedisConnection, section: string, pattern: RegExp): Promise<number> {
  const infos = await Promise.all((await serversOf(redis)).map((server) => server.info(section)));
  return infos.reduce((sum, info) => [...info.matchAll(pattern)].reduce((inner, m) => inner + Number(m[1]), sum), 0);
}

const redisCalls = (redis: RedisConnection) => redisInfoSum(redis, 'commandstats', /calls=(\d+)/g);
export const redisUsedMemory = (redis: RedisConnection) => redisInfoSum(redis, 'memory', /^used_memory:(\d+)/gm);

async function commits(pg: Client): Promise<number> {
  const { rows } = await pg.query('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0].xact_commit);
}

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

// A step's events, found through the (state, received_at) index and told apart from the database's
// other events by their provider ids: on a database that already holds millions of inbound events,
// a `provider_id LIKE` alone reads the whole table (the unique index leads with the channel).
const STEP_EVENTS = `step_events AS (
  SELECT id, state, ticket_id, provider_id, received_at FROM inbound_events
   WHERE state = ANY('{received,processed,failed}'::inbound_state[]) AND received_at >= $2 AND provider_id LIKE $1)`;

/**
 * Open-loop intake steps against one database. Each step's one-off senders are new to it (up to
 * 1,000,000 events a step, numbered from `senderOffset` on); the regulars are shared by every step.
 */
export class IntakeSteps {
  private started = 0;

  constructor(private readonly settings: { receiptsHeld: boolean; senderOffset?: number }) {}

  /** The warm-up (reported with `report` but not returned among the steps), the plan's rates, then saturation; `name` prefixes the steps' provider ids. */
  async run(
    target: IntakeTarget,
    plan: StepPlan,
    report: (step: StepReport, label?: string) => void,
    name = '',
  ): Promise<{ steps: StepReport[]; saturation: StepReport }> {
    // The first seconds of a fresh process run cold (JIT, connection pools, PostgreSQL's caches).
    report(await this.step(target, `${name}warm`, plan.warm.rate, plan.warm.seconds), 'warm-up (not counted)');
    const steps: StepReport[] = [];
    for (const rate of plan.rates) {
      steps.push(await this.step(target, `${name}r${rate}`, rate, plan.stepSeconds));
      report(steps.at(-1)!);
    }
    const saturation = await this.step(target, `${name}sat`, plan.saturation.rate, plan.saturation.seconds);
    report(saturation, 'saturation');
    return { steps, saturation };
  }

  /** Sends one open-loop step (5% of requests are provider retries) and waits for the pipeline to drain. */
  async step({ app, pg, redis }: IntakeTarget, name: string, rate: number, seconds: number): Promise<StepReport> {
    const senderBase = (this.settings.senderOffset ?? 0) + (this.started += 1) * 1_000_000;
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
    const stepEvents = [`${name}-%`, new Date(Date.now() - 1000)];
    const [commits0, calls0, cpu0, statements0] = [await commits(pg), await redisCalls(redis), cpuNow(app), pgStatements()];
    const startedUs = process.hrtime.bigint() / 1000n;
    let peakRss = app.rssMb();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, app.rssMb())), 200);
    const load = await openLoop(app.ports, '/api/v1/intake/events', { 'x-intake-key': INTAKE_KEY }, rate, requests, (i) =>
      JSON.stringify(inboundEvent(name, eventIndex(i), senderBase)),
    );
    const deadline = Date.now() + 180_000;
    let drained = false;
    while (Date.now() < deadline && !drained) {
      const { rows } = await pg.query(
        `WITH ${STEP_EVENTS}
         SELECT count(*) FILTER (WHERE e.state = 'received' OR (t.routed_at IS NULL AND NOT t.triage AND t.status = 'new'))::int
              + (SELECT count(*) FROM outbound_messages WHERE ticket_id IN (SELECT ticket_id FROM step_events)
                    AND state IN ('pending', 'sending') AND not_before <= now())::int AS pending
           FROM step_events e LEFT JOIN tickets t ON t.id = e.ticket_id`,
        stepEvents,
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
      `WITH ${STEP_EVENTS}
       SELECT extract(epoch FROM t.routed_at - e.received_at) * 1000 AS ms, t.triage, t.routed_at, e.received_at, e.ticket_id, e.provider_id
         FROM step_events e JOIN tickets t ON t.id = e.ticket_id`,
      stepEvents,
    );
    const routed = rows.filter((r) => r.routed_at);
    const first = Math.min(...rows.map((r) => new Date(r.received_at).getTime()));
    const last = Math.max(...routed.map((r) => new Date(r.routed_at).getTime()));
    const { rows: events } = await pg.query(
      `WITH ${STEP_EVENTS}
       SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets,
              (SELECT count(*)::int FROM outbound_messages o WHERE o.purpose IN ('received', 'referred') AND o.state = 'sent'
                  AND o.ticket_id IN (SELECT ticket_id FROM step_events)) AS receipts
         FROM step_events`,
      stepEvents,
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
      correct: drained && events[0].n === distinct && events[0].tickets === distinct && (this.settings.receiptsHeld || events[0].receipts === receiptsExpected),
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
}
