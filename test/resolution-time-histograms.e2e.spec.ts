import { AppConfig } from '@app/config';
import { createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';
import { ResolutionGroup } from '../src/modules/reports/dto/report-query.dto';
import { DurationHistograms } from '../src/modules/reports/read-model/duration-histograms.service';
import { bucketOf, DURATION_DIMENSIONS, DURATION_ROWS } from '../src/modules/reports/read-model/duration-histograms.sql';
import { REFRESH_LOCK } from '../src/modules/reports/read-model/report-facts.service';
import { ReportFilter } from '../src/modules/reports/report-filter';
import { resolutionTimes } from '../src/modules/reports/resolution-times';
import { ReportsService } from '../src/modules/reports/reports.service';

interface Row {
  key: string | null;
  label: string | null;
  resolved: number;
  percentiles: 'exact' | 'approximate';
  [figure: string]: unknown;
}

const FIGURES = ['days', 'workingDays'].flatMap((m) => ['Mean', 'Median', 'P90'].map((s) => `${m}${s}`));
const GROUPS: ResolutionGroup[] = ['kind', 'channel', 'department', 'category', 'mahalle'];

/**
 * Resolution times read from histograms of past months, quarters and years when a period holds more
 * resolved tickets than REPORTS_EXACT_PERCENTILES_MAX (0 here, so always): on 4,000 tickets created
 * from October 2025 to February 2026 ("now" is 1 March), resolved after durations from under a
 * minute to about seventy days, spread evenly on a log scale.
 */
describe('resolution times from histograms', () => {
  let t: TestApp;
  let admin: Staff;
  let executive: Staff;
  let manager: Staff;
  let managerDepartment: string;
  const now = new Date('2026-03-01T09:00:00Z');

  const refresh = () => t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
  const build = () => t.app.get(DurationHistograms).build();
  const report = async (staff: Staff, query: string): Promise<Row[]> =>
    (await t.http().get(`/api/v1/reports/resolution-times?${query}`).set('Authorization', `Bearer ${staff.token}`).expect(200)).body.rows;
  const exact = async (filter: ReportFilter, groupBy: ResolutionGroup): Promise<Row[]> => {
    const { sql, params } = resolutionTimes(filter, await t.app.get(ReportsService).options({ groupBy }));
    return t.dataSource.query(sql, params);
  };

  /** Same groups and counts as the exact figures, means equal (to their rounding), percentiles within a 2 % bucket. */
  function expectClose(approximate: Row[], reference: Row[]): void {
    expect(approximate.map(({ key, label, resolved }) => ({ key, label, resolved }))).toEqual(
      reference.map(({ key, label, resolved }) => ({ key, label, resolved })),
    );
    approximate.forEach((row, i) => {
      expect(row.percentiles).toBe('approximate');
      for (const figure of FIGURES) {
        const [got, want] = [Number(row[figure]), Number(reference[i][figure])];
        const allowed = figure.endsWith('Mean') ? 0.011 : 0.02 * want + 0.011;
        if (Math.abs(got - want) > allowed) throw new Error(`${row.label} ${figure}: ${got} against ${want} exactly`);
      }
    });
  }

  /** Each past month's rows are its facts bucketed; the fourth quarter's its months' summed. */
  async function expectHistogramsOfFacts(): Promise<void> {
    for (const [dimension, column] of Object.entries(DURATION_DIMENSIONS)) {
      const held = `SELECT start, department_id, key, measure, bucket, resolved, round(minutes::numeric, 3) FROM report_duration_histograms
                       WHERE span = 1 AND dimension = '${dimension}'`;
      const grouped = `SELECT date_trunc('month', f.created_day)::date, f.department_id, f.${column}::text, d.measure, ${bucketOf('d.minutes')},
                                count(*)::int, round(sum(d.minutes)::numeric, 3)
                           FROM report_ticket_facts f ${DURATION_ROWS} WHERE f.open_minutes IS NOT NULL AND f.created_day < '2026-03-01' GROUP BY 1, 2, 3, 4, 5`;
      const summed = `SELECT department_id, key, measure, bucket, sum(resolved)::int, round(sum(minutes)::numeric, 3) FROM report_duration_histograms
                         WHERE span = 1 AND dimension = '${dimension}' AND start < '2026-01-01' GROUP BY 1, 2, 3, 4`;
      const quarter = `SELECT department_id, key, measure, bucket, resolved, round(minutes::numeric, 3) FROM report_duration_histograms
                          WHERE span = 3 AND dimension = '${dimension}'`;
      for (const [a, b] of [
        [held, grouped],
        [summed, quarter],
      ]) {
        const [{ differ }] = await t.dataSource.query(`SELECT count(*)::int AS differ FROM ((${a} EXCEPT ${b}) UNION ALL (${b} EXCEPT ${a})) x`);
        expect(differ).toBe(0);
      }
    }
  }

  beforeAll(async () => {
    // No sweep during the suite: each test builds the histograms when it wants them.
    t = await createTestApp({ now, env: { SWEEP_INTERVAL_MS: '3600000', REPORTS_EXACT_PERCENTILES_MAX: '0', REPORTS_HISTOGRAMS_REBUILD_MS: '0' } });
    [admin, executive, manager] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'executive'), loginAs(t, 'department-manager')]);
    [{ department_id: managerDepartment }] = await t.dataSource.query(`SELECT department_id FROM users WHERE username = 'department-manager'`);
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test Vatandaş') RETURNING id`);
    // One in six still open; one in fifty answered within a minute; every eleventh without a mahalle.
    await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject, description,
                            search_text, created_at, updated_at, resolution, answered_at, closed_at)
       SELECT '2026-7' || lpad(g::text, 5, '0'), (ARRAY['sikayet','talep','bilgi_edinme','ihbar'])[1 + g % 4]::ticket_kind,
              (ARRAY['phone','web','sms','whatsapp','muhtar'])[1 + g % 5]::ticket_channel,
              CASE WHEN g % 6 = 0 THEN 'new' ELSE 'closed' END::ticket_status, $1, coalesce(c.default_department_id, $2), c.id,
              CASE WHEN g % 11 = 0 THEN NULL ELSE m.id END, 'law_3071', 'Konu', 'x', 'x', at, at,
              CASE WHEN g % 6 > 0 THEN 'answered' END, CASE WHEN g % 6 > 0 THEN at + d.minutes * interval '1 minute' END,
              CASE WHEN g % 6 > 0 THEN at + d.minutes * interval '1 minute' END
         FROM generate_series(1, 4000) g
         CROSS JOIN LATERAL (SELECT '2025-09-30T21:00:00Z'::timestamptz + (g % 151) * interval '1 day' + (g * 37 % 1440) * interval '1 minute' AS at) w
         CROSS JOIN LATERAL (SELECT CASE WHEN g % 50 = 0 THEN 0.5 ELSE exp((g * 7919 % 1000) / 1000.0 * 11.5) END AS minutes) d
         CROSS JOIN LATERAL (SELECT id, default_department_id FROM categories ORDER BY id OFFSET g % 9 LIMIT 1) c
         CROSS JOIN LATERAL (SELECT id FROM mahalleler ORDER BY id OFFSET g % 3 LIMIT 1) m`,
      [citizen, fen],
    );
    await refresh();
  });
  afterAll(() => t.close());

  it('builds each past month from its facts, and a quarter whose months are built as their sum', async () => {
    // Five months (October to February), then the fourth quarter of 2025; the first of 2026 lacks March.
    expect(await build()).toBe(6);
    expect(await t.dataSource.query(`SELECT span, start::text AS start FROM report_duration_spans ORDER BY start, span`)).toEqual([
      { span: 1, start: '2025-10-01' },
      { span: 3, start: '2025-10-01' },
      { span: 1, start: '2025-11-01' },
      { span: 1, start: '2025-12-01' },
      { span: 1, start: '2026-01-01' },
      { span: 1, start: '2026-02-01' },
    ]);
    expect(await build()).toBe(0);
    await expectHistogramsOfFacts();
    const [{ bucketed }] = await t.dataSource.query(`SELECT count(DISTINCT bucket)::int AS bucketed FROM report_duration_histograms`);
    expect(bucketed).toBeGreaterThan(400);
  });

  it('answers every grouping within a bucket of the exact figures, as an executive and a department manager', async () => {
    // The quarter and two months; then a period with days on either side read from the facts.
    for (const [from, to] of [
      ['2025-10-01', '2026-02-28'],
      ['2025-10-17', '2026-02-03'],
    ]) {
      for (const groupBy of GROUPS) {
        const query = `from=${from}&to=${to}&groupBy=${groupBy}`;
        expectClose(await report(executive, query), await exact({ from, to }, groupBy));
        expectClose(await report(manager, query), await exact({ from, to, scopeDepartmentId: managerDepartment }, groupBy));
        expectClose(await report(executive, `${query}&departmentId=${managerDepartment}`), await exact({ from, to, departmentId: managerDepartment }, groupBy));
      }
    }
    const rows = await report(executive, 'from=2025-10-01&to=2026-02-28&groupBy=kind');
    expect(rows.reduce((n, r) => n + r.resolved, 0)).toBe(4000 - Math.floor(4000 / 6));
  });

  it('filters the grouping’s own column in the histograms, and leaves other filters to the exact figures', async () => {
    const from = '2025-10-01';
    const to = '2026-02-28';
    const channel = await report(executive, `from=${from}&to=${to}&groupBy=channel&channel=web`);
    expect(channel.map((r) => r.key)).toEqual(['web']);
    expectClose(channel, await exact({ from, to, channel: 'web' }, 'channel'));
    const byKind = await report(executive, `from=${from}&to=${to}&groupBy=kind&channel=web`);
    expect(byKind).toEqual(await exact({ from, to, channel: 'web' }, 'kind'));
    expect(byKind.every((r) => r.percentiles === 'exact')).toBe(true);
    // An id filter matches however its letters are cased, as on the exact path.
    const [{ id: mahalleId }] = await t.dataSource.query(`SELECT mahalle_id AS id FROM report_ticket_facts WHERE mahalle_id IS NOT NULL LIMIT 1`);
    const mahalle = await report(executive, `from=${from}&to=${to}&groupBy=mahalle&mahalleId=${mahalleId.toUpperCase()}`);
    expect(mahalle.map((r) => r.key)).toEqual([mahalleId]);
    expectClose(mahalle, await exact({ from, to, mahalleId }, 'mahalle'));
  });

  it('tells a department manager nothing of another department', async () => {
    const [{ id: other }] = await t.dataSource.query(
      `SELECT department_id AS id FROM report_ticket_facts WHERE department_id <> $1 AND open_minutes IS NOT NULL LIMIT 1`,
      [managerDepartment],
    );
    for (const groupBy of GROUPS) {
      const query = `from=2025-10-01&to=2026-02-28&groupBy=${groupBy}`;
      expect(await report(manager, `${query}&departmentId=${other}`)).toEqual([]);
      const own = await report(manager, query);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((r) => r.percentiles === 'approximate')).toBe(true);
    }
  });

  it('reads a month changed since its build from its facts until it is built again', async () => {
    const from = '2025-10-01';
    const to = '2026-02-28';
    // Every December and January ticket answered within the hour is reopened: their durations leave the months' histograms.
    const reopened = await t.dataSource.query(
      `UPDATE tickets SET status = 'reopened', resolution = NULL, answered_at = NULL, closed_at = NULL, updated_at = now()
        WHERE answered_at - created_at < interval '1 hour' AND (created_at AT TIME ZONE 'Europe/Istanbul')::date BETWEEN '2025-12-01' AND '2026-01-31'
        RETURNING id`,
    );
    expect(reopened[0].length).toBeGreaterThan(10);
    await refresh();
    expect(await t.dataSource.query(`SELECT DISTINCT month::text AS month FROM report_duration_changes ORDER BY 1`)).toEqual([
      { month: '2025-12-01' },
      { month: '2026-01-01' },
    ]);
    const reference = await exact({ from, to }, 'kind');
    expectClose(await report(executive, `from=${from}&to=${to}&groupBy=kind`), reference);
    // The two months, and the quarter of December from its months.
    expect(await build()).toBe(3);
    expect(await t.dataSource.query(`SELECT month FROM report_duration_changes`)).toEqual([]);
    await expectHistogramsOfFacts();
    expectClose(await report(executive, `from=${from}&to=${to}&groupBy=kind`), reference);
    // The current month is never built: its changes wait, one row, until it is past.
    await t.dataSource.query(
      `UPDATE tickets SET created_at = '2026-03-01T06:00:00Z', answered_at = '2026-03-01T08:00:00Z', closed_at = '2026-03-01T08:00:00Z', updated_at = now()
        WHERE id IN (SELECT id FROM tickets WHERE status = 'closed' AND tracking_no LIKE '2026-7%' ORDER BY id LIMIT 3)`,
    );
    await refresh();
    expect(await build()).toBeGreaterThan(0);
    expect(await t.dataSource.query(`SELECT month::text AS month FROM report_duration_changes`)).toEqual([{ month: '2026-03-01' }]);
  });

  it('builds nothing while the read model is being refreshed', async () => {
    await t.dataSource.query(`INSERT INTO report_duration_changes (month) VALUES ('2025-11-01')`);
    const refreshing = t.dataSource.createQueryRunner();
    await refreshing.connect();
    try {
      await refreshing.query('SELECT pg_advisory_lock($1)', [REFRESH_LOCK]);
      expect(await build()).toBeNull();
      expect(await t.dataSource.query(`SELECT month::text AS month FROM report_duration_changes WHERE month < '2026-03-01'`)).toEqual([
        { month: '2025-11-01' },
      ]);
      await refreshing.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK]);
      // November, then its quarter.
      expect(await build()).toBe(2);
    } finally {
      await refreshing.release();
    }
  });

  it('builds a changed month again at most every REPORTS_HISTOGRAMS_REBUILD_MS', async () => {
    const config = t.app.get(AppConfig);
    config.REPORTS_HISTOGRAMS_REBUILD_MS = 3_600_000;
    try {
      // November was built a moment ago (the test before).
      await t.dataSource.query(`INSERT INTO report_duration_changes (month) VALUES ('2025-11-01')`);
      expect(await build()).toBe(0);
      t.clock.advance(3_600_000);
      expect(await build()).toBe(2);
    } finally {
      config.REPORTS_HISTOGRAMS_REBUILD_MS = 0;
    }
  });

  it('sorts the facts when the period holds fewer resolved tickets than the threshold', async () => {
    const config = t.app.get(AppConfig);
    config.REPORTS_EXACT_PERCENTILES_MAX = 1_000_000;
    try {
      const rows = await report(executive, 'from=2025-10-01&to=2026-02-28&groupBy=mahalle');
      expect(rows).toEqual(await exact({ from: '2025-10-01', to: '2026-02-28' }, 'mahalle'));
      expect(rows.every((r) => r.percentiles === 'exact')).toBe(true);
    } finally {
      config.REPORTS_EXACT_PERCENTILES_MAX = 0;
    }
  });
});
