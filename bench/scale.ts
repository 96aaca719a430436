import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { RunningApp, servicePort, startApp } from './app-process';
import { deleteKeysUnder } from './redis-keys';
import { login, REPORTS, timed, YEAR } from './reports';
import { generateScale, Generated } from './scale-data';
import { histogramsBuilt, HistogramsBuilt } from './scale-histograms';
import { IntakeComparison, intakeAtScale } from './scale-intake';
import { summary } from './stats';
import { DueTogether, dueTogether, idleTicks } from './timers';

const RUNS = 3;
const CHANGED = 100_000;
// The list as staff open it (also latest changed first, as "Tüm başvurular" does), and the search
// box with a word, a tracking number and a phone; the word also as the desk's search box asks
// (eight rows, the latest changed first).
const LISTS = [
  'tickets?pageSize=50',
  'tickets?pageSize=50&sort=-updatedAt',
  'tickets?status=in_progress&status=assigned&pageSize=50',
  'tickets?q=cukur&pageSize=50',
  'tickets?q=cukur&pageSize=8&sort=-updatedAt',
  'tickets?q=S000123457&pageSize=50',
  'tickets?q=05550001234&pageSize=50',
];
// Pages read on by cursor ("Sonraki"): each is timed as the page after the first, by the first's `nextCursor`.
const CURSOR_PAGES = ['tickets?pageSize=50', 'tickets?pageSize=50&sort=-updatedAt', 'tickets?status=in_progress&status=assigned&pageSize=50'];

/** What a scale run measures after the read model is brought up to date (`--only reports,export,idle,refresh,bursts,intake`; all by default). */
export const SCALE_PARTS = ['reports', 'export', 'idle', 'refresh', 'bursts', 'intake'] as const;
export type ScalePart = (typeof SCALE_PARTS)[number];

export interface ScaleReport {
  date: string;
  size: number;
  loadAverage: { before: string; after: string };
  generated: Generated | null;
  readModelBuildSeconds: number;
  /** The resolution-time histograms, built by the workers after the read model (from its end), and again after the day's changes. */
  histograms: { afterBuild: HistogramsBuilt | null; afterChanges: HistogramsBuilt | null };
  reports: { path: string; as: string; ms: ReturnType<typeof summary> }[];
  exports: YearExport[];
  idleTick: { openClocks: number; ms: ReturnType<typeof summary>; plan: string } | null;
  readModelRefreshAfterChanges: { changed: number; seconds: number } | null;
  dueTogether: (DueTogether & { batch: number; loadAverage: string })[];
  intake: IntakeComparison | null;
  database: { bytes: number; mbPerMillionTickets: number; tables: { table: string; mb: number }[] };
}

/** A POST that may take many minutes (fetch gives up waiting for the headers after five). */
function postWithoutTimeout(port: number, path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/v1/${path}`, method: 'POST', headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

interface YearExport {
  format: 'csv' | 'xlsx';
  rows: number;
  ms: number;
}

/** The year's tickets exported as a job, as the manager's screen starts one: from the request to the file ready. */
async function exportYear(port: number, token: string, format: YearExport['format']): Promise<YearExport> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${port}/api/v1/reports/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }).then(async (res) => {
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string; state: string; rowsWritten: number }>;
    });
  const start = performance.now();
  const { id } = await api('exports', { method: 'POST', body: JSON.stringify({ report: 'tickets', format, from: '2025-01-01', to: '2025-12-31' }) });
  for (;;) {
    const status = await api(`exports/${id}`);
    if (status.state === 'failed') throw new Error(`export ${id} failed`);
    if (status.state === 'done') return { format, rows: status.rowsWritten, ms: Math.round(performance.now() - start) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/**
 * `--scale [--size N] [--database NAME]`: N tickets over five years in a database of their own
 * (`cm_scale` unless named; kept afterwards, so `--reuse` measures again without generating), then every report, the ticket list and search,
 * the deadline timer idle and with bursts, the read model's refresh after changes, and the size.
 * Intake runs first, once the read model is up to date: a service stopped after the bursts
 * leaves their notices to the next one, which would send them during the intake steps.
 */
export async function scaleBench(
  pgRoot: string,
  redisUrl: string,
  { database, size, reuse, parts, rounds }: { database: string; size: number; reuse: boolean; parts: ReadonlySet<ScalePart>; rounds: number },
  log: (line: string) => void,
): Promise<ScaleReport> {
  const url = `${pgRoot}/${database}`;
  const prefix = `cm-scale-${Date.now()}`;
  const admin = new Client({ connectionString: `${pgRoot}/postgres` });
  await admin.connect();
  const before = loadAverage();
  const env = {
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    SEED_DEMO_USERS: 'true',
    SLA_TICK_MS: '1000',
    REPORTS_REFRESH_INTERVAL_MS: '86400000',
    // The months the day's changes touch are built again at once, to time it (an hour apart in service).
    REPORTS_HISTOGRAMS_REBUILD_MS: '0',
    CLASSIFIER_AUTO_TRAIN: 'false',
  };
  const port = servicePort;
  let app: RunningApp | undefined;
  const pg = new Client({ connectionString: url });
  try {
    let generated: Generated | null = null;
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      // The service migrates and seeds the municipality, then stops: the data is written with nothing else running.
      await (await startApp(env, port(), 'one-process')).stop();
      await pg.connect();
      generated = await generateScale(pg, size, log);
      log(`generated ${size} tickets in ${generated.seconds} s: ${JSON.stringify(generated.rows)}`);
    } else await pg.connect();
    // The service as the parts after intake use it: a fresh process, staff logged in again.
    const serve = async () => {
      const started = await startApp(env, port(), 'api+worker');
      app = started;
      const [adminToken, executive, manager] = await Promise.all(['admin', 'executive', 'department-manager'].map((u) => login(started.port, u)));
      return { port: started.port, adminToken, executive, manager };
    };
    let staff = await serve();
    const call = async (path: string, token: string) => {
      const res = await fetch(`http://127.0.0.1:${staff.port}/api/v1/${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const refresh = () => postWithoutTimeout(staff.port, 'reports/refresh', staff.adminToken);
    const [, buildMs] = await timed(refresh);
    // As autovacuum would after a build of millions of rows (this server runs without it): statistics, the
    // visibility map the index-only reads of the open facts (backlog) rely on, and the dirty-ticket queue the build
    // emptied (left alone, every refresh's claim of the queue walks its millions of dead rows: 0.3 s each at 10M).
    await pg.query(
      'VACUUM ANALYZE report_ticket_facts, report_daily_outcomes, report_daily_mahalleler, report_daily_volume, report_daily_subjects, report_ticket_escalations, report_daily_escalations, report_escalated_tickets, report_dirty_tickets',
    );
    log(`read model brought up to date in ${(buildMs / 1000).toFixed(1)} s`);
    // The reports read them, and the refresh's changes are built again into them: waited for only where those are measured.
    const histograms = async (when: string) => {
      if (!parts.has('reports') && !parts.has('refresh')) return null;
      const built = await histogramsBuilt(pg, Date.now());
      log(`resolution-time histograms ${when} built ${built.seconds} s later: ${JSON.stringify(built)}`);
      return built;
    };
    const afterBuild = await histograms('after the build');

    let intake: IntakeComparison | null = null;
    if (parts.has('intake')) {
      await app?.stop();
      app = undefined;
      intake = await intakeAtScale(pgRoot, redisUrl, database, rounds, log);
      if ([...parts].some((part) => part !== 'intake')) {
        staff = await serve();
        // The intake steps' tickets, which the intake services' own refresh may have left queued.
        await refresh();
      }
    }
    const { executive, manager } = staff;
    const p = staff.port;

    const reports: ScaleReport['reports'] = [];
    for (const [as, token] of parts.has('reports')
      ? ([
          ['executive', executive],
          ['department manager', manager],
        ] as const)
      : []) {
      const probe = async (path: string) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i += 1) times.push((await timed(() => call(path, token)))[1]);
        reports.push({ path, as, ms: summary(times) });
        log(`  ${as.padEnd(18)} ${path.replace(YEAR, 'year 2025').slice(0, 120).padEnd(66)} median ${summary(times).p50} ms, max ${summary(times).max} ms`);
      };
      for (const path of [...REPORTS.map((r) => `reports/${r}`), ...LISTS]) await probe(path);
      for (const first of CURSOR_PAGES) {
        const { nextCursor } = (await call(first, token)) as { nextCursor: string | null };
        if (nextCursor) await probe(`${first}&page=2&after=${nextCursor}`);
      }
    }

    const exports: YearExport[] = [];
    for (const format of parts.has('export') ? (['csv', 'xlsx'] as const) : []) {
      exports.push(await exportYear(p, executive, format));
      log(`export of 2025's tickets as ${format}: ${exports.at(-1)!.rows} rows in ${(exports.at(-1)!.ms / 1000).toFixed(1)} s (load ${loadAverage()})`);
    }

    const [{ open }] = (await pg.query(`SELECT count(*)::int AS open FROM sla_timers WHERE next_at IS NOT NULL`)).rows;
    // The timers as autovacuum keeps them (this server runs without it): each burst leaves its steps' old index entries
    // behind, due in the past, and an idle tick's index scan would walk them all until a vacuum (2 s at 10M).
    if (parts.has('idle')) await pg.query('VACUUM ANALYZE sla_timers');
    const idle = parts.has('idle') ? await idleTicks(pg, 200) : null;
    if (idle) log(`idle tick with ${open} open clocks: p50/p95/p99 ${idle.ms.p50}/${idle.ms.p95}/${idle.ms.p99} ms`);

    // A day's changes: 100,000 open tickets answered, each queued for the read model by the trigger
    // (new and assigned ones too, so a run on a kept database, whose earlier run answered those in progress, still finds them).
    const changes = async () => {
      await pg.query(
        `WITH answered AS (
         UPDATE tickets SET status = 'closed', resolution = 'answered', answered_at = now(), closed_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM tickets WHERE status IN ('in_progress', 'assigned', 'new') LIMIT $1) RETURNING id),
       stopped AS (DELETE FROM sla_timers t USING sla_clocks c, answered a
                    WHERE c.subject_type = 'ticket' AND c.subject_id = a.id AND t.clock_id = c.id RETURNING t.clock_id, t.level)
       UPDATE sla_clocks c SET stopped_at = now(), level = s.level FROM stopped s WHERE c.id = s.clock_id`,
        [CHANGED],
      );
      return (await timed(refresh))[1];
    };
    const refreshMs = parts.has('refresh') ? await changes() : null;
    if (refreshMs !== null) log(`read model refresh after ${CHANGED} changed tickets: ${(refreshMs / 1000).toFixed(1)} s`);
    const afterChanges = refreshMs === null ? null : await histograms('of the changed months');

    const bursts: ScaleReport['dueTogether'] = [];
    for (const batch of parts.has('bursts') ? [10_000, 100_000] : []) {
      if (batch > open - (refreshMs === null ? 0 : CHANGED)) continue;
      const at = loadAverage();
      bursts.push({ batch, loadAverage: at, ...(await dueTogether(pg, batch, prefix, redisUrl)) });
      const { clocks, batchProcessedMs, wal } = bursts.at(-1)!;
      log(
        `${clocks} due at once: all committed ${batchProcessedMs} ms after the tick that found them (load ${at}); ` +
          `${wal.mb} MB of WAL, ${wal.fullPageImages} full-page images, ${wal.checkpoints} checkpoints, ${wal.backendWrites} pages written by backends`,
      );
    }
    await app?.stop();
    app = undefined;

    const { rows: tables } = await pg.query(
      `SELECT relname AS table, round(pg_total_relation_size(oid) / 1048576.0) AS mb FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 12`,
    );
    const [{ bytes, tickets }] = (await pg.query(`SELECT pg_database_size(current_database()) AS bytes, (SELECT count(*) FROM tickets) AS tickets`)).rows;
    return {
      date: new Date().toISOString(),
      size: Number(tickets),
      loadAverage: { before, after: loadAverage() },
      generated,
      readModelBuildSeconds: Math.round(buildMs / 100) / 10,
      histograms: { afterBuild, afterChanges },
      reports,
      exports,
      idleTick: idle && { openClocks: open, ms: idle.ms, plan: idle.plan },
      readModelRefreshAfterChanges: refreshMs === null ? null : { changed: CHANGED, seconds: Math.round(refreshMs / 100) / 10 },
      dueTogether: bursts,
      intake,
      database: {
        bytes: Number(bytes),
        mbPerMillionTickets: Math.round(Number(bytes) / 1048576 / (Number(tickets) / 1e6)),
        tables: tables.map((t) => ({ table: t.table, mb: Number(t.mb) })),
      },
    };
  } finally {
    await pg.end().catch(() => undefined);
    await app?.stop();
    await admin.end();
    const redis = new Redis(redisUrl);
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  }
}
