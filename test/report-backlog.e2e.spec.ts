import { createTestApp, loginAs, Staff, TestApp } from '@app/testing';

interface Row {
  departmentId: string | null;
  open: number;
  ageMedianDays: number;
  [figure: string]: unknown;
}

/**
 * The backlog's medians are read at their position in the open facts' index; here they are held
 * against `percentile_cont` over the same facts. 700 tickets created over January and February
 * 2026 ("now" is 1 March), four in five still open, spread unevenly over the departments (odd and
 * even counts, one department with a single ticket) and a fifth of them not yet routed.
 */
describe('backlog medians by position', () => {
  let t: TestApp;
  let executive: Staff;
  let manager: Staff;
  const now = new Date('2026-03-01T09:00:00Z');

  const report = async (staff: Staff, query: string): Promise<Row[]> =>
    (await t.http().get(`/api/v1/reports/backlog?${query}`).set('Authorization', `Bearer ${staff.token}`).expect(200)).body.rows;

  /** What the report said before: each department's figures with `percentile_cont`, in its order. */
  const reference = (where: string, params: unknown[]): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT f.department_id AS "departmentId", count(*)::int AS open,
              round(((date_part('epoch', $1::timestamptz) - avg(date_part('epoch', f.created_at))) / 86400)::numeric, 2)::float8 AS "ageMeanDays",
              round(((date_part('epoch', $1::timestamptz)
                      - percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', f.created_at))) / 86400)::numeric, 2)::float8 AS "ageMedianDays",
              round(((date_part('epoch', $1::timestamptz) - date_part('epoch', min(f.created_at))) / 86400)::numeric, 2)::float8 AS "ageMaxDays"
         FROM report_ticket_facts f
        WHERE f.status IN ('new', 'assigned', 'in_progress', 'waiting_for_citizen', 'reopened') AND ${where}
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [now, ...params],
    );

  const figures = (rows: Row[]) =>
    rows.map(({ departmentId, open, ageMeanDays, ageMedianDays, ageMaxDays }) => ({ departmentId, open, ageMeanDays, ageMedianDays, ageMaxDays }));
  /** Rows of equal counts come in the department's name order from the report; compare them as sets. */
  const byDepartment = (rows: Row[]) => [...figures(rows)].sort((a, b) => String(a.departmentId).localeCompare(String(b.departmentId)));

  beforeAll(async () => {
    t = await createTestApp({ now, env: { SWEEP_INTERVAL_MS: '3600000' } });
    [executive, manager] = await Promise.all([loginAs(t, 'executive'), loginAs(t, 'department-manager')]);
    const admin = await loginAs(t, 'admin');
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test Vatandaş') RETURNING id`);
    // Department k of the list takes the g with floor(sqrt(g)) % 9 = k: uneven shares; g % 5 = 0 unrouted and g % 5 = 1 answered.
    await t.dataSource.query(
      `WITH d AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM departments)
       INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, legal_basis, subject, description, search_text,
                            created_at, updated_at, resolution, answered_at, closed_at)
       SELECT '2026-8' || lpad(g::text, 5, '0'), 'sikayet', (ARRAY['phone','web','sms'])[1 + g % 3]::ticket_channel,
              CASE WHEN g % 5 = 1 THEN 'closed' ELSE (ARRAY['new','assigned','in_progress'])[1 + g % 3] END::ticket_status, $1,
              CASE WHEN g % 5 = 0 THEN NULL ELSE d.id END, 'law_3071', 'Konu', 'x', 'x', at, at,
              CASE WHEN g % 5 = 1 THEN 'answered' END, CASE WHEN g % 5 = 1 THEN at + interval '1 day' END, CASE WHEN g % 5 = 1 THEN at + interval '1 day' END
         FROM generate_series(1, 700) g
         JOIN d ON d.k = floor(sqrt(g))::int % 9
         CROSS JOIN LATERAL (SELECT '2025-12-31T21:00:00Z'::timestamptz + (g * 7919 % 1416) * interval '1 hour' + (g % 60) * interval '1 minute' AS at) w`,
      [citizen],
    );
    // One department with a single open ticket.
    await t.dataSource.query(
      `UPDATE tickets SET department_id = (SELECT id FROM departments ORDER BY code OFFSET 10 LIMIT 1) WHERE tracking_no = '2026-800003'`,
    );
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
  });
  afterAll(() => t.close());

  it("gives every department's median as percentile_cont does, with odd, even and single counts and the unrouted", async () => {
    const rows = await report(executive, 'from=2026-01-01&to=2026-02-28');
    const want = await reference(`f.created_day BETWEEN '2026-01-01' AND '2026-02-28'`, []);
    expect(byDepartment(rows)).toEqual(byDepartment(want));
    // The cases this is meant to cover are there.
    expect(rows.some((r) => r.departmentId === null && r.open > 2)).toBe(true);
    expect(rows.some((r) => r.open === 1)).toBe(true);
    expect(rows.some((r) => r.open > 2 && r.open % 2 === 0)).toBe(true);
    expect(rows.some((r) => r.open > 2 && r.open % 2 === 1)).toBe(true);
    expect(rows.map((r) => r.open)).toEqual([...rows.map((r) => r.open)].sort((a, b) => b - a));
  });

  it('takes the median among the filtered tickets only: a shorter period, a channel, a department', async () => {
    const [{ department_id: department }] = await t.dataSource.query(
      `SELECT department_id FROM report_ticket_facts WHERE department_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const cases: [string, string, unknown[]][] = [
      ['from=2026-01-20&to=2026-02-10', `f.created_day BETWEEN '2026-01-20' AND '2026-02-10'`, []],
      ['from=2026-01-01&to=2026-02-28&channel=web', `f.created_day BETWEEN '2026-01-01' AND '2026-02-28' AND f.channel = 'web'`, []],
      [
        `from=2026-01-01&to=2026-02-28&departmentId=${department}`,
        `f.created_day BETWEEN '2026-01-01' AND '2026-02-28' AND f.department_id = $2`,
        [department],
      ],
    ];
    for (const [query, where, params] of cases) {
      const want = await reference(where, params);
      expect(want.length).toBeGreaterThan(0);
      expect(byDepartment(await report(executive, query))).toEqual(byDepartment(want));
    }
  });

  it("gives a department manager their department's backlog only", async () => {
    const rows = await report(manager, 'from=2026-01-01&to=2026-02-28');
    const want = await reference(`f.created_day BETWEEN '2026-01-01' AND '2026-02-28' AND f.department_id = $2`, [manager.departmentId]);
    expect(want).toHaveLength(1);
    expect(figures(rows)).toEqual(figures(want));
    // Asking for another department tells them nothing; an executive sees its backlog.
    const other = (await reference(`f.department_id <> $2`, [manager.departmentId]))[0].departmentId;
    expect(await report(manager, `from=2026-01-01&to=2026-02-28&departmentId=${other}`)).toEqual([]);
    expect((await report(executive, `from=2026-01-01&to=2026-02-28&departmentId=${other}`)).length).toBe(1);
  });

  it('refuses a filter that is not an id, naming it', async () => {
    const res = await t.http().get('/api/v1/reports/backlog?from=2026-01-01&to=2026-02-28&departmentId=null').set('Authorization', `Bearer ${executive.token}`);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['departmentId']);
  });
});
