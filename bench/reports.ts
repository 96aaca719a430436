import { Redis } from 'ioredis';
import { Client } from 'pg';
import { servicePort, startApp } from './app-process';
import { deleteKeysUnder } from './redis-keys';
import { summary } from './stats';

const TICKETS = Number(process.env.BENCH_REPORT_TICKETS ?? 1_000_000);
const RUNS = 5;
export const YEAR = 'from=2025-01-01&to=2025-12-31';

/** Every report for a year, as the executive (all departments) and as a department manager. */
export const REPORTS = [
  `summary?${YEAR}`,
  `volume?${YEAR}&interval=day`,
  `volume?${YEAR}&interval=week`,
  `volume?${YEAR}&interval=month`,
  `resolution-times?${YEAR}`,
  `resolution-times?${YEAR}&groupBy=department`,
  `resolution-times?${YEAR}&groupBy=mahalle`,
  `deadline-compliance?${YEAR}`,
  `backlog?${YEAR}`,
  `top-subjects?${YEAR}&top=5`,
  `mahalleler?${YEAR}`,
  `escalations?${YEAR}`,
  `bilgi-edinme?year=2025`,
  `cimer?${YEAR}`,
  `muhtar-indicators?${YEAR}`,
  `tickets?${YEAR}&pageSize=50`,
  `muhtar-indicators/PG7.4.4/tickets?${YEAR}`,
];

// A year of tickets with a realistic spread: office hours, kinds and channels in the shares a
// district desk sees, resolution times skewed towards days, some open, rejected, referred, merged.
const GENERATE = `
INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject, description,
                     search_text, created_at, updated_at, routed_at, resolution, answered_at, closed_at, first_responded_at,
                     first_response_due_at, resolution_due_at, deadline_policy_id)
SELECT 'B-' || g, kind::ticket_kind, channel::ticket_channel, status::ticket_status, $2, deps[ci], cats[ci], mh[1 + floor(r5 * array_length(mh, 1))::int],
       CASE kind WHEN 'bilgi_edinme' THEN 'law_4982' ELSE 'law_3071' END::legal_basis, 'Başvuru ' || g, 'Üretilmiş başvuru', 'uretilmis basvuru',
       created, created, created,
       CASE status WHEN 'in_progress' THEN NULL WHEN 'closed' THEN (CASE WHEN channel = 'phone' AND r4 < 0.2 THEN 'solved_during_call' ELSE 'answered' END) ELSE status END,
       CASE WHEN status = 'closed' THEN done END, CASE WHEN status NOT IN ('in_progress') THEN done END, CASE WHEN status <> 'in_progress' THEN done END,
       created + interval '2 days', created + CASE kind WHEN 'bilgi_edinme' THEN interval '21 days' ELSE interval '30 days' END, $3
FROM (
  SELECT g, created, r4, r5, 1 + floor(r6 * array_length(cats, 1))::int AS ci, cats, deps, mh,
         created + (r4 * r4 * 40 * 86400) * interval '1 second' + interval '10 minutes' AS done,
         CASE WHEN r1 < 0.45 THEN 'sikayet' WHEN r1 < 0.80 THEN 'talep' WHEN r1 < 0.88 THEN 'bilgi_edinme' WHEN r1 < 0.93 THEN 'oneri' WHEN r1 < 0.97 THEN 'ihbar' ELSE 'tesekkur' END AS kind,
         CASE WHEN r2 < 0.35 THEN 'phone' WHEN r2 < 0.55 THEN 'whatsapp' WHEN r2 < 0.70 THEN 'web' WHEN r2 < 0.78 THEN 'sms' WHEN r2 < 0.85 THEN 'email'
              WHEN r2 < 0.90 THEN 'walk_in' WHEN r2 < 0.94 THEN 'field_team' WHEN r2 < 0.98 THEN 'muhtar' ELSE 'cimer' END AS channel,
         CASE WHEN r3 < 0.02 THEN 'merged' WHEN r3 < 0.10 THEN 'in_progress' WHEN r3 < 0.13 THEN 'rejected' WHEN r3 < 0.16 THEN 'referred' ELSE 'closed' END AS status
    FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                 timestamptz '2025-01-01 05:00Z' + floor(random() * 365) * interval '1 day' + random() * interval '12 hours' AS created
            FROM generate_series(1, $1) g) s
    CROSS JOIN (SELECT array_agg(c.id ORDER BY c.id) cats, array_agg(coalesce(c.default_department_id, $4) ORDER BY c.id) deps FROM categories c) c
    CROSS JOIN (SELECT array_agg(id ORDER BY id) mh FROM mahalleler) m
) x`;

// The timeline of the resolved ones: one status change each, and a reopening and second answer for 3%.
const EVENTS = `
INSERT INTO ticket_events (ticket_id, type, data, created_at)
SELECT t.id, 'status_changed'::ticket_event_type, jsonb_build_object('from', 'in_progress', 'to', CASE t.status WHEN 'closed' THEN 'answered' ELSE t.status::text END), t.closed_at
  FROM tickets t WHERE t.tracking_no LIKE 'B-%' AND t.status NOT IN ('in_progress', 'merged')
UNION ALL
SELECT t.id, 'status_changed'::ticket_event_type, e.data, t.closed_at + e.shift
  FROM tickets t CROSS JOIN (VALUES ('{"from": "answered", "to": "reopened"}'::jsonb, interval '1 day'), ('{"from": "reopened", "to": "answered"}'::jsonb, interval '3 days')) e(data, shift)
 WHERE t.tracking_no LIKE 'B-%' AND t.status = 'closed' AND right(t.tracking_no, 2) IN ('07', '42', '99')`;

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10];
}

export async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `Demo-${username}-2026` }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface ReportsBench {
  tickets: number;
  generateSeconds: number;
  refreshSeconds: number;
  reports: { report: string; as: string; ms: ReturnType<typeof summary> }[];
  slowestMs: number;
}

/** Loads 1,000,000 tickets, builds the read model, and times each report for a year over HTTP. */
export async function reportsBench(pgRoot: string, redisUrl: string, run: string): Promise<ReportsBench> {
  const database = `cm_bench_reports_${run}`;
  const url = `${pgRoot}/${database}`;
  const port = servicePort();
  const admin = new Client({ connectionString: `${pgRoot}/postgres` });
  await admin.connect();
  const prefix = `cm-bench-reports-${run}`;
  const app = await startApp(
    { DATABASE_URL: url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, SEED_DEMO_USERS: 'true', REPORTS_REFRESH_INTERVAL_MS: '86400000' },
    port,
    'one-process',
  );
  const pg = new Client({ connectionString: url });
  try {
    await pg.connect();
    const [{ id: citizen }] = (await pg.query(`INSERT INTO citizens (full_name) VALUES ('Bench') RETURNING id`)).rows;
    const [{ id: fen }] = (await pg.query(`SELECT id FROM departments WHERE code = 'FEN'`)).rows;
    const [{ id: policy }] = (await pg.query(`SELECT id FROM deadline_policies WHERE code = 'DILEKCE_3071'`)).rows;
    const [, generateMs] = await timed(async () => {
      await pg.query(GENERATE, [TICKETS, citizen, policy, fen]);
      await pg.query(EVENTS);
      await pg.query('ANALYZE tickets; ANALYZE ticket_events');
    });
    console.log(`reports: generated ${TICKETS} tickets with their timelines in ${(generateMs / 1000).toFixed(1)} s`);
    const [adminToken, executive, manager] = await Promise.all([login(port, 'admin'), login(port, 'executive'), login(port, 'department-manager')]);
    const call = async (path: string, token: string, method = 'GET') => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/reports/${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const [refreshed, refreshMs] = await timed(() => call('refresh', adminToken, 'POST'));
    await pg.query('ANALYZE report_ticket_facts');
    console.log(`reports: read model built for ${(refreshed as { tickets: number }).tickets} tickets in ${(refreshMs / 1000).toFixed(1)} s`);
    const reports: ReportsBench['reports'] = [];
    for (const [as, token] of [
      ['executive', executive],
      ['department manager', manager],
    ] as const) {
      for (const report of REPORTS) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i += 1) times.push((await timed(() => call(report, token)))[1]);
        reports.push({ report, as, ms: summary(times) });
        console.log(`  ${as.padEnd(18)} ${report.replace(YEAR, 'year 2025').padEnd(62)} median ${summary(times).p50} ms, max ${summary(times).max} ms`);
      }
    }
    const slowestMs = Math.max(...reports.map((r) => r.ms.max));
    return { tickets: TICKETS, generateSeconds: Math.round(generateMs / 100) / 10, refreshSeconds: Math.round(refreshMs / 100) / 10, reports, slowestMs };
  } finally {
    await pg.end().catch(() => undefined);
    await app.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(redisUrl);
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  }
}
