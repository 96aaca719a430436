import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { RunningApp } from './app-process';
import { BenchRedis } from './bench-redis';
import { IntakeSteps, QUICK_STEPS, StepPlan, startIntakeService } from './intake-steps';
import { deleteKeysUnder } from './redis-keys';
import { formatStep, StepReport } from './step-report';

// The quick bench's warm-up and step lengths, at the 500/s and at saturation.
const PLAN: StepPlan = { ...QUICK_STEPS, rates: [500] };
const SETTINGS = { receiptsHeld: false, keywords: false, slaTickMs: 1000 };

export interface IntakeRound {
  database: 'large' | 'empty';
  round: number;
  date: string;
  loadAverage: { before: string; after: string };
  at500: StepReport;
  saturation: StepReport;
}

const cpuMs = (s: StepReport) => Math.round((s.cpuMsPerTicket.service + s.cpuMsPerTicket.postgres) * 100) / 100;

/** What the target compares (throughput, p99 receipt→inbox), and what a citizen waits and a ticket costs. */
const FIGURES = {
  saturationTicketsPerSecond: (r: IntakeRound) => r.saturation.ticketsPerSecond,
  ticketsPerSecondAt500: (r: IntakeRound) => r.at500.ticketsPerSecond,
  receiptToInboxP99MsAt500: (r: IntakeRound) => r.at500.receiptToInboxMs.p99,
  sendToInboxP50MsAt500: (r: IntakeRound) => r.at500.sendToInboxMs.p50,
  sendToInboxP95MsAt500: (r: IntakeRound) => r.at500.sendToInboxMs.p95,
  sendToInboxP99MsAt500: (r: IntakeRound) => r.at500.sendToInboxMs.p99,
  saturationSendToInboxP99Ms: (r: IntakeRound) => r.saturation.sendToInboxMs.p99,
  /** The service's processes and every PostgreSQL backend on the machine, per ticket. */
  cpuMsPerTicketAt500: (r: IntakeRound) => cpuMs(r.at500),
  saturationCpuMsPerTicket: (r: IntakeRound) => cpuMs(r.saturation),
};
type Figures = Record<keyof typeof FIGURES, number>;

export interface IntakeComparison {
  /** The databases in the order their rounds ran. */
  order: string[];
  rounds: IntakeRound[];
  /** Means over the rounds. */
  large: Figures;
  empty: Figures;
  /** large / empty, of the means. */
  ratio: Figures;
  correct: boolean;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const round2 = (x: number) => Math.round(x * 100) / 100;

function means(rounds: IntakeRound[]): Figures {
  const keys = Object.keys(FIGURES) as (keyof typeof FIGURES)[];
  return Object.fromEntries(keys.map((k) => [k, round2(rounds.reduce((sum, r) => sum + FIGURES[k](r), 0) / rounds.length)])) as Figures;
}

/** What the service's sweepers would find to do on the large database besides intake: it should be nothing. */
async function backgroundWork(pg: Client): Promise<string> {
  const { rows } = await pg.query(
    `SELECT (SELECT count(*) FROM sla_timers WHERE next_at <= now() + interval '15 minutes')::int AS "clocks due",
            (SELECT count(*) FROM escalations WHERE notified_at IS NULL)::int AS "escalations not notified",
            (SELECT count(*) FROM outbound_messages WHERE state IN ('pending', 'sending') AND not_before <= now() + interval '15 minutes')::int AS "messages to send",
            (SELECT count(*) FROM report_dirty_tickets)::int AS "tickets for the read model",
            (SELECT count(*) FROM personal_data_destructions WHERE state IN ('queued', 'running'))::int AS "destruction runs"`,
  );
  return Object.entries(rows[0])
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}

/**
 * The intake steps on the scale database and on an empty one (migrated by the service, dropped
 * afterwards), alternating large, empty, large, empty (`roundsEach` rounds of each), each round a fresh service (API + worker)
 * with its own Redis prefix: a warm-up, 500/s, saturation. Each step counts only its own events
 * (provider ids of this run), and its senders are new to the database (numbered from a random
 * offset, so a kept database's earlier runs do not make them regulars).
 */
export async function intakeAtScale(
  pgRoot: string,
  redisUrl: string,
  database: string,
  roundsEach: number,
  log: (line: string) => void,
): Promise<IntakeComparison> {
  const run = randomBytes(3).toString('hex');
  const emptyDatabase = `${database}_empty`;
  const admin = new Client({ connectionString: `${pgRoot}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${emptyDatabase}" WITH (FORCE)`);
  const bench = BenchRedis.single(redisUrl);
  const redis = bench.connect('commands');
  const senderOffset = randomInt(990_000);
  const targets = {
    large: { url: `${pgRoot}/${database}`, steps: new IntakeSteps({ receiptsHeld: false, senderOffset }) },
    empty: { url: `${pgRoot}/${emptyDatabase}`, steps: new IntakeSteps({ receiptsHeld: false, senderOffset }) },
  };
  const rounds: IntakeRound[] = [];
  try {
    for (let round = 1; round <= roundsEach; round += 1) {
      for (const which of ['large', 'empty'] as const) {
        const prefix = `cm-scale-intake-${run}-${which}${round}`;
        const before = loadAverage();
        let app: RunningApp | undefined;
        let pg: Client | undefined;
        try {
          ({ app, pg } = await startIntakeService(targets[which].url, bench, prefix, SETTINGS, 'api+worker'));
          log(`intake, ${which} database, round ${round} (load ${before}); besides intake: ${await backgroundWork(pg)}`);
          const { steps, saturation } = await targets[which].steps.run(
            { app, pg, redis },
            PLAN,
            (s, label) => log(`  ${formatStep(s, label)}`),
            `${run}-${which}${round}-`,
          );
          rounds.push({ database: which, round, date: new Date().toISOString(), loadAverage: { before, after: loadAverage() }, at500: steps[0], saturation });
        } finally {
          await pg?.end().catch(() => undefined);
          await app?.stop();
          await deleteKeysUnder(redis, bench.keyPrefix(prefix));
        }
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${emptyDatabase}" WITH (FORCE)`);
    await admin.end();
    redis.disconnect();
  }
  const large = means(rounds.filter((r) => r.database === 'large'));
  const empty = means(rounds.filter((r) => r.database === 'empty'));
  const ratio = Object.fromEntries(Object.entries(large).map(([k, v]) => [k, round2(v / empty[k as keyof Figures])])) as Figures;
  for (const k of Object.keys(FIGURES) as (keyof Figures)[]) {
    const each = (which: IntakeRound['database']) =>
      rounds
        .filter((r) => r.database === which)
        .map((r) => FIGURES[k](r))
        .join(' / ');
    log(`intake ${k}: large ${each('large')} (mean ${large[k]}), empty ${each('empty')} (mean ${empty[k]}); large / empty ${ratio[k]}`);
  }
  const correct = rounds.every((r) => r.at500.correct && r.saturation.correct);
  if (!correct) log('intake CORRECTNESS CHECK FAILED: tickets != distinct events, or a receipt not sent');
  return { order: rounds.map((r) => `${r.database} ${r.round}`), rounds, large, empty, ratio, correct };
}
