import { createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';
import { factsSource, topSubjectsOver, volumeOver } from '../src/modules/reports/counting-reports';
import { complianceFromFacts, mahallelerFromFacts, summaryFromFacts } from '../src/modules/reports/outcome-reports';
import { COUNTED_ROWS, DAILY_COUNTS, groupedCounts } from '../src/modules/reports/read-model/daily-counts.sql';
import { FACT_COLUMNS, FACT_ROWS } from '../src/modules/reports/read-model/fact-rows.sql';
import { ReportFilter } from '../src/modules/reports/report-filter';
import { ReportOptions, scoped } from '../src/modules/reports/report-sql';

/** The escalations report over every told escalation, as it read before the read model held the steps. */
function escalationsFromEscalations(filter: ReportFilter) {
  const q = scoped(filter);
  return {
    params: q.params,
    sql: `SELECT e.department_id AS "departmentId", d.name AS "department",
                 count(*) FILTER (WHERE e.level = 1)::int AS "warnings", count(*) FILTER (WHERE e.level = 2)::int AS "breaches",
                 count(*) FILTER (WHERE e.level = 3)::int AS "escalatedAbove", count(DISTINCT e.subject_id)::int AS "tickets"
            FROM escalations e JOIN report_ticket_facts f ON f.ticket_id = e.subject_id LEFT JOIN departments d ON d.id = e.department_id
           WHERE e.subject_type = 'ticket' AND e.notified_at IS NOT NULL AND ${q.where} GROUP BY 1, 2 ORDER BY 4 DESC, 2`,
  };
}

/**
 * The per-day counts answer volume, top subjects, the summary, deadline compliance, the
 * mahalleler and the escalations exactly as the facts (and the escalations) do: on 600 generated
 * tickets created around Istanbul midnight (21:00 UTC), some reopened or merged, some with ladder
 * steps, then after categories move, tickets reopen, merge and come back, and steps are told.
 */
describe('reports from the per-day counts', () => {
  let t: TestApp;
  let admin: Staff;
  let executive: Staff;
  let manager: Staff;
  let managerDepartment: string;
  const now = new Date('2026-03-01T09:00:00Z');
  const period = { from: '2026-01-01', to: '2026-01-31' };

  const get = async (staff: Staff, path: string) => (await t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).expect(200)).body.rows;
  const refresh = () => t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);

  // Every seventh without a category, every eleventh without a mahalle; created 21:00 UTC ± 40 min
  // (00:00 Istanbul ± 40 min) from 30 December to 2 February, so days and months split at the boundary.
  // The answered ones closed a day later; one in five of those reopened and answered again. Deadlines fall
  // from the same day to 69 days later, so some are still to come at "now" (1 March); two in three have a policy.
  async function fileTickets(prefix: string, count: number): Promise<void> {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const [{ id: policy }] = await t.dataSource.query(`SELECT id FROM deadline_policies WHERE code = 'DILEKCE_3071'`);
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test Vatandaş') RETURNING id`);
    await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject, description,
                            search_text, created_at, updated_at, resolution, deadline_policy_id, resolution_due_at, first_response_due_at, first_responded_at)
       SELECT $3 || lpad(g::text, 5, '0'), (ARRAY['sikayet','talep','bilgi_edinme','ihbar'])[1 + g % 4]::ticket_kind,
              (ARRAY['phone','web','sms','whatsapp','muhtar'])[1 + g % 5]::ticket_channel,
              (ARRAY['new','closed','answered','merged','closed','rejected'])[1 + g % 6]::ticket_status, $1,
              CASE WHEN g % 7 = 0 THEN $2 ELSE coalesce(c.default_department_id, $2) END, CASE WHEN g % 7 = 0 THEN NULL ELSE c.id END,
              CASE WHEN g % 11 = 0 THEN NULL ELSE m.id END, 'law_3071', 'Konu', 'x', 'x', at, at,
              CASE (1 + g % 6) WHEN 2 THEN 'answered' WHEN 3 THEN 'answered' WHEN 4 THEN 'merged' WHEN 5 THEN 'answered' WHEN 6 THEN 'rejected' END,
              CASE WHEN g % 3 > 0 THEN $5::uuid END, CASE WHEN g % 13 > 0 THEN at + (g % 70) * interval '1 day' END,
              at + (g % 50) * interval '1 day', CASE WHEN g % 4 > 0 THEN at + (g % 3) * interval '1 day' END
         FROM generate_series(1, $4::int) g
         CROSS JOIN LATERAL (SELECT '2025-12-29T21:00:00Z'::timestamptz + (g % 35) * interval '1 day' + (((g / 35) * 29 + g * 7) % 81 - 40) * interval '1 minute' AS at) w
         CROSS JOIN LATERAL (SELECT id, default_department_id FROM categories ORDER BY id OFFSET g % 9 LIMIT 1) c
         CROSS JOIN LATERAL (SELECT id FROM mahalleler ORDER BY id OFFSET g % 3 LIMIT 1) m`,
      [citizen, fen, prefix, count, policy],
    );
    await t.dataSource.query(
      `INSERT INTO ticket_events (ticket_id, type, data, created_at)
       SELECT id, 'status_changed', e.data, created_at + e.after FROM tickets
        CROSS JOIN LATERAL (VALUES ('{"from":"new","to":"answered"}'::jsonb, interval '1 day', true),
                                   ('{"from":"answered","to":"reopened"}'::jsonb, interval '2 days', right(tracking_no, 1) IN ('2', '7')),
                                   ('{"from":"reopened","to":"answered"}'::jsonb, interval '3 days', right(tracking_no, 1) IN ('2', '7'))) e(data, after, present)
        WHERE status IN ('closed', 'answered', 'rejected') AND e.present AND tracking_no LIKE $1 || '%'`,
      [prefix],
    );
    // Every fourth ticket's clock took steps: all the warning, half the breach too, one in eight the step above. Most were told
    // to the ticket's department, one in seven to the manager's, one in five not yet (not counted).
    await t.dataSource.query(
      `WITH clocks AS (
         INSERT INTO sla_clocks (subject_type, subject_id, unit, started_at, due_at)
         SELECT 'ticket', id, 'calendar_days', created_at, created_at + interval '10 days' FROM tickets
          WHERE tracking_no LIKE $1 || '%' AND right(tracking_no, 2)::int % 4 = 1 RETURNING id, subject_id)
       INSERT INTO escalations (clock_id, subject_type, subject_id, department_id, level, due_at, fired_at, notified_at)
       SELECT c.id, 'ticket', t.id, CASE WHEN n % 5 = 0 THEN NULL WHEN n % 7 = 0 THEN $2::uuid ELSE t.department_id END,
              s.level, t.created_at, t.created_at, CASE WHEN n % 5 > 0 THEN t.created_at END
         FROM clocks c JOIN tickets t ON t.id = c.subject_id
        CROSS JOIN LATERAL (SELECT right(t.tracking_no, 3)::int AS n) k
        CROSS JOIN LATERAL (VALUES (1), (2), (3)) s(level)
        WHERE s.level = 1 OR (s.level = 2 AND n % 2 = 1) OR (s.level = 3 AND n % 8 = 1)`,
      [prefix, managerDepartment],
    );
  }

  beforeAll(async () => {
    // No sweep during the suite: its first would refresh the read model, and each test times its own refresh.
    t = await createTestApp({ now, env: { SWEEP_INTERVAL_MS: '3600000' } });
    [admin, executive, manager] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'executive'), loginAs(t, 'department-manager')]);
    [{ department_id: managerDepartment }] = await t.dataSource.query(`SELECT department_id FROM users WHERE username = 'department-manager'`);
    await fileTickets('2026-8', 600);
    await refresh();
  });
  afterAll(() => t.close());

  const options = (extra: Partial<ReportOptions>): ReportOptions => ({ now, workingDayMinutes: 480, ...extra });
  const facts = async (sql: { sql: string; params: unknown[] }) => t.dataSource.query(sql.sql, sql.params);

  async function expectSameAsFacts(): Promise<void> {
    // Statistics as autovacuum keeps them (this server runs without it): the reference query below joins the escalations
    // without an index, and on tables never analyzed the planner loops over all of them for every fact (over a minute).
    await t.dataSource.query(`ANALYZE escalations, report_ticket_facts`);
    const [{ categoryId, mahalleId }] = await t.dataSource.query(
      `SELECT category_id AS "categoryId", mahalle_id AS "mahalleId" FROM tickets WHERE category_id IS NOT NULL AND mahalle_id IS NOT NULL LIMIT 1`,
    );
    const filters: [Staff, string, ReportFilter][] = [
      [executive, '', { ...period }],
      [executive, '&channel=web', { ...period, channel: 'web' }],
      [executive, '&kind=talep', { ...period, kind: 'talep' }],
      [executive, `&departmentId=${managerDepartment}`, { ...period, departmentId: managerDepartment }],
      [executive, `&categoryId=${categoryId}`, { ...period, categoryId }],
      [executive, `&mahalleId=${mahalleId}`, { ...period, mahalleId }],
      [manager, '', { ...period, scopeDepartmentId: managerDepartment }],
    ];
    for (const [staff, query, filter] of filters) {
      for (const interval of ['day', 'week', 'month'] as const) {
        const answered = await get(staff, `/reports/volume?from=${period.from}&to=${period.to}&interval=${interval}${query}`);
        expect(answered).toEqual(await facts(volumeOver(factsSource(filter), options({ interval }))));
      }
      const top = await get(staff, `/reports/top-subjects?from=${period.from}&to=${period.to}${query}`);
      expect(top).toEqual(await facts(topSubjectsOver(factsSource(filter), options({}))));
      const report = (name: string) => get(staff, `/reports/${name}?from=${period.from}&to=${period.to}${query}`);
      expect(await report('summary')).toEqual(await facts(summaryFromFacts(filter)));
      expect(await report('deadline-compliance')).toEqual(await facts(complianceFromFacts(filter, now)));
      expect(await report('mahalleler')).toEqual(await facts(mahallelerFromFacts(filter, now)));
      expect(await report('escalations')).toEqual(await facts(escalationsFromEscalations(filter)));
    }
    // Each count is its rows grouped (the facts, or the tickets' steps with their facts), with no empty group left behind.
    for (const counts of DAILY_COUNTS) {
      const { table, groups, measures } = counts;
      const counted = `SELECT day, ${groups.join(', ')}, ${Object.keys(measures).join(', ')} FROM ${table}`;
      const grouped = groupedCounts(counts, COUNTED_ROWS[counts.rows]);
      const [{ differ }] = await t.dataSource.query(
        `SELECT count(*)::int AS differ FROM ((${counted} EXCEPT ${grouped}) UNION ALL (${grouped} EXCEPT ${counted})) x`,
      );
      expect(differ).toBe(0);
      expect(await t.dataSource.query(`SELECT 1 FROM ${table} WHERE tickets <= 0`)).toEqual([]);
    }
    // The tickets' steps per department told are every told escalation's (a merged ticket's kept for its coming back).
    const [{ steps }] = await t.dataSource.query(
      `WITH recomputed AS (
         SELECT e.subject_id AS ticket_id, e.department_id, count(*) FILTER (WHERE e.level = 1)::int AS warnings,
                count(*) FILTER (WHERE e.level = 2)::int AS breaches, count(*) FILTER (WHERE e.level = 3)::int AS escalated_above
           FROM escalations e WHERE e.notified_at IS NOT NULL GROUP BY 1, 2),
       held AS (SELECT ticket_id, department_id, warnings, breaches, escalated_above FROM report_ticket_escalations)
       SELECT count(*)::int AS steps FROM ((SELECT * FROM recomputed EXCEPT SELECT * FROM held) UNION ALL (SELECT * FROM held EXCEPT SELECT * FROM recomputed)) x`,
    );
    expect(steps).toBe(0);
    // The facts are what a full recomputation of every ticket gives.
    const columns = FACT_COLUMNS.join(', ');
    const [{ differ }] = await t.dataSource.query(
      `WITH recomputed (${columns}) AS (${FACT_ROWS.replace('$1', '(SELECT array_agg(id) FROM tickets)')})
       SELECT count(*)::int AS differ FROM ((SELECT * FROM recomputed EXCEPT SELECT ${columns} FROM report_ticket_facts)
                                            UNION ALL (SELECT ${columns} FROM report_ticket_facts EXCEPT SELECT * FROM recomputed)) x`,
    );
    expect(differ).toBe(0);
  }

  it('gives the facts’ figures, days split at Istanbul midnight', async () => {
    const [{ days }] = await t.dataSource.query(
      `SELECT count(DISTINCT created_day)::int AS days FROM report_ticket_facts WHERE created_day BETWEEN '2026-01-01' AND '2026-01-31'`,
    );
    expect(days).toBe(31);
    // A ticket at 21:30 UTC on 31 December is counted on 1 January in Istanbul.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM report_ticket_facts WHERE created_day = '2026-01-01' AND created_at < '2026-01-01T00:00:00Z'`,
    );
    expect(count).toBeGreaterThan(0);
    await expectSameAsFacts();
  });

  it('stays equal after categories move, tickets reopen, merge and are unmerged', async () => {
    const [{ id: moved }] = await t.dataSource.query(`SELECT id FROM categories ORDER BY id DESC LIMIT 1`);
    await t.dataSource.query(
      `UPDATE tickets SET category_id = $1, department_id = $2, updated_at = now() WHERE right(tracking_no, 1) IN ('1', '4') OR category_id IS NULL`,
      [moved, managerDepartment],
    );
    await t.dataSource.query(`UPDATE tickets SET status = 'reopened', resolution = NULL WHERE status = 'closed' AND right(tracking_no, 1) = '5'`);
    await t.dataSource.query(`UPDATE tickets SET status = 'merged', resolution = 'merged' WHERE status = 'new' AND right(tracking_no, 1) = '3'`);
    await t.dataSource.query(`UPDATE tickets SET status = 'new', resolution = NULL WHERE status = 'merged' AND right(tracking_no, 1) = '0'`);
    // Tickets with told steps merged away, and one of them back.
    const merged = await t.dataSource.query(
      `UPDATE tickets SET status = 'merged', resolution = 'merged' WHERE status = 'closed' AND right(tracking_no, 1) = '1'
          AND id IN (SELECT subject_id FROM escalations WHERE notified_at IS NOT NULL) RETURNING id`,
    );
    expect(merged[0].length).toBeGreaterThan(1);
    // Deadlines moved past "now" and back, a first response recorded.
    await t.dataSource.query(`UPDATE tickets SET resolution_due_at = resolution_due_at + interval '40 days' WHERE right(tracking_no, 1) = '6'`);
    await t.dataSource.query(`UPDATE tickets SET resolution_due_at = created_at WHERE right(tracking_no, 1) = '9'`);
    await t.dataSource.query(
      `UPDATE tickets SET first_responded_at = created_at + interval '5 days' WHERE first_responded_at IS NULL AND right(tracking_no, 1) = '8'`,
    );
    const subjects = `SELECT count(*)::int AS n FROM report_daily_subjects`;
    const before = await t.dataSource.query(subjects);
    await refresh();
    expect(await t.dataSource.query(subjects)).not.toEqual(before);
    await expectSameAsFacts();
    await t.dataSource.query(`UPDATE tickets SET status = 'closed', resolution = 'answered' WHERE id = $1`, [merged[0][0].id]);
    await refresh();
    await expectSameAsFacts();
  });

  it('counts a step once it is told, whether or not its ticket changed', async () => {
    const above = async () =>
      (await get(executive, `/reports/escalations?from=${period.from}&to=${period.to}`)).reduce(
        (n: number, r: { escalatedAbove: number }) => n + r.escalatedAbove,
        0,
      );
    const before = await above();
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    // The timer's burst writes the step untold; the report counts it from its telling on.
    const [{ id: escalation }] = await t.dataSource.query(
      `INSERT INTO escalations (clock_id, subject_type, subject_id, level, due_at, fired_at)
       SELECT c.id, 'ticket', c.subject_id, 3, now(), now() FROM sla_clocks c JOIN report_ticket_facts f ON f.ticket_id = c.subject_id
        WHERE f.created_day = '2026-01-10' AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.clock_id = c.id AND e.level = 3)
        LIMIT 1 RETURNING id`,
    );
    await refresh();
    expect(await above()).toBe(before);
    // Its ticket changing does not count it either.
    await t.dataSource.query(
      `UPDATE tickets SET updated_at = now(), subject = 'Konu (değişti)' WHERE id = (SELECT subject_id FROM escalations WHERE id = $1)`,
      [escalation],
    );
    await refresh();
    expect(await above()).toBe(before);
    await t.dataSource.query(`UPDATE escalations SET notified_at = now(), department_id = $2 WHERE id = $1`, [escalation, fen]);
    await refresh();
    expect(await above()).toBe(before + 1);
    await expectSameAsFacts();
  });

  it('stays equal over batches refreshed side by side, and leaves the facts a change does not alter unwritten', async () => {
    // More tickets than a batch holds, so two batches run at once.
    await fileTickets('2026-9', 12_000);
    expect((await refresh()).body.tickets).toBeGreaterThanOrEqual(12_000);
    await expectSameAsFacts();
    const versions = async (): Promise<{ ticket_id: string; version: string; status: string }[]> =>
      t.dataSource.query(
        `SELECT f.ticket_id, f.xmin::text AS version, t.status::text AS status FROM report_ticket_facts f JOIN tickets t ON t.id = f.ticket_id
          WHERE t.tracking_no LIKE '2026-9%' ORDER BY f.ticket_id`,
      );
    const before = await versions();
    await t.dataSource.query(`UPDATE tickets SET subject = 'Konu başlığı', updated_at = now() WHERE tracking_no LIKE '2026-9%' AND status <> 'new'`);
    await t.dataSource.query(`UPDATE tickets SET status = 'assigned' WHERE tracking_no LIKE '2026-9%' AND status = 'new'`);
    expect((await refresh()).body.tickets).toBeGreaterThanOrEqual(12_000);
    const after = await versions();
    expect(after.map((r) => r.ticket_id)).toEqual(before.map((r) => r.ticket_id));
    // Only the facts whose status moved are written again: a new subject or updated_at is no fact of an answered ticket.
    const rewritten = (status: (s: string) => boolean) => before.filter((r, i) => status(r.status) && after[i].version !== r.version).length;
    expect(rewritten((s) => s !== 'new')).toBe(0);
    expect(rewritten((s) => s === 'new')).toBe(2_000);
    await expectSameAsFacts();
  });

  it('reads the counts when the filter allows, the facts when it names a column they lack', async () => {
    const month = `from=${period.from}&to=${period.to}&interval=month`;
    const total = async (query: string) =>
      (await get(executive, `/reports/volume?${month}${query}`)).reduce((n: number, r: { tickets: number }) => n + r.tickets, 0);
    const [plain, byKind] = [await total(''), await total('&kind=talep')];
    // A tampered count shows where each answer comes from (the next test app starts afresh).
    await t.dataSource.query(`UPDATE report_daily_volume SET tickets = tickets + 1000 WHERE day = '2026-01-15'`);
    expect(await total('')).toBeGreaterThan(plain);
    expect(await total('&kind=talep')).toBe(byKind);
    const tickets = async (query: string) => (await get(executive, `/reports/summary?from=${period.from}&to=${period.to}${query}`))[0].tickets;
    const [all, talep] = [await tickets(''), await tickets('&kind=talep')];
    await t.dataSource.query(`UPDATE report_daily_outcomes SET tickets = tickets + 1000 WHERE day = '2026-01-15'`);
    expect(await tickets('')).toBeGreaterThan(all);
    expect(await tickets('&kind=talep')).toBe(talep);
    const warnings = async (query: string) =>
      (await get(executive, `/reports/escalations?from=${period.from}&to=${period.to}${query}`)).reduce(
        (n: number, r: { warnings: number }) => n + r.warnings,
        0,
      );
    const [allWarnings, talepWarnings] = [await warnings(''), await warnings('&kind=talep')];
    await t.dataSource.query(
      `UPDATE report_daily_escalations SET warnings = warnings + 1000 WHERE ctid = (SELECT ctid FROM report_daily_escalations WHERE day = '2026-01-15' LIMIT 1)`,
    );
    expect(await warnings('')).toBe(allWarnings + 1000);
    expect(await warnings('&kind=talep')).toBe(talepWarnings);
  });
});
