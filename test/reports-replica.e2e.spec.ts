import { DataSource } from 'typeorm';
import { localDateOf } from '@app/calendar';
import { ensureDatabase, REPORTS_DATA_SOURCE } from '@app/database';
import { AUDIT_ACTION_LABELS, AuditAction } from '@app/domain';
import { createTestApp, loginAs, OwnPostgres, OwnPostgresReplica, Staff, TestApp, waitFor } from '@app/testing';
import { MetricsServer } from '../src/modules/health/metrics.server';

const KEY = 'dev-only-intake-key-change-me';

/**
 * Reports and exports on a streaming replica (REPORTS_DATABASE_URL): a primary and a hot standby
 * of their own (Debian's PostgreSQL on spare ports). With the replica's replay paused, the
 * primary moves on and the reports keep showing the replica's state — so it is the replica they read.
 */
describe('reports from a PostgreSQL streaming replica', () => {
  const primary = new OwnPostgres();
  const replica = new OwnPostgresReplica(primary);
  let t: TestApp;
  let admin: Staff;
  let executive: Staff;
  let seq = 0;
  const today = localDateOf(new Date());
  const period = `from=${today}&to=${today}`;

  beforeAll(async () => {
    await primary.start();
    await replica.start();
    const databaseUrl = primary.url.replace(/\/postgres$/, '/cm_replica');
    // The replica must have the database before the app's reports pool connects to it.
    await ensureDatabase(databaseUrl);
    await replica.caughtUp();
    t = await createTestApp({
      env: {
        DATABASE_URL: databaseUrl,
        REPORTS_DATABASE_URL: replica.urlOf('cm_replica'),
        REPORTS_DATABASE_POOL_SIZE: '2',
        METRICS_PORT: '0',
        METRICS_HOST: '127.0.0.1',
      },
    });
    [admin, executive] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'executive')]);
  }, 120_000);
  afterAll(async () => {
    await replica.resume().catch(() => undefined);
    await t?.close();
    await replica.destroy();
    await primary.destroy();
  });

  const get = (who: Staff, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).expect(200);

  /** Files `n` SMS complaints, waits for intake to make their tickets, and refreshes the read model on the primary. */
  async function file(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      seq += 1;
      const id = `SM-replica-${seq}`;
      await t
        .http()
        .post('/api/v1/intake/events')
        .set('X-Intake-Key', KEY)
        .send({
          channel: 'sms',
          providerId: id,
          payload: { MessageSid: id, From: `+90532${String(5_000_000 + seq)}`, Body: 'Sokağımızdaki çöpler toplanmadı' },
        })
        .expect(202);
    }
    await waitFor('intake to make the tickets', async () => {
      const [{ n: done }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbound_events WHERE state = 'processed'`);
      return done === seq;
    });
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
  }

  const reportedTickets = async () => (await get(executive, `/reports/summary?${period}`)).body.rows[0].tickets as number;
  const csvLines = async (path: string, who = executive) => (await get(who, path)).text.trim().split('\n');
  const primaryFacts = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM report_ticket_facts'))[0].n as number;

  it('reads through a pool of its own on the hot standby, and readiness shows it', async () => {
    const reading = t.app.get<DataSource>(REPORTS_DATA_SOURCE);
    expect(reading).not.toBe(t.dataSource);
    expect((await reading.query('SELECT pg_is_in_recovery() AS standby'))[0].standby).toBe(true);
    expect((await t.dataSource.query('SELECT pg_is_in_recovery() AS standby'))[0].standby).toBe(false);
    const { body } = await t.http().get('/health/ready').expect(200);
    expect(body.checks).toMatchObject({ database: 'up', reportsDatabase: 'up', migrations: 'done' });
  });

  it('shows the reports’ pool in /metrics beside the primary’s', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${t.app.get(MetricsServer).port}/metrics`)).text();
    const held = t.app.get<DataSource>(REPORTS_DATA_SOURCE).createQueryRunner();
    await held.connect();
    try {
      const text = await scrape();
      expect(text).toMatch(/cm_db_pool_connections\{pool="primary",state="idle"\} \d+\n/);
      expect(text).toContain('cm_db_pool_connections{pool="reports",state="busy"} 1\n');
      expect(text).toContain('cm_db_pool_connections{pool="reports",state="waiting"} 0\n');
    } finally {
      await held.release();
    }
    expect(await scrape()).toContain('cm_db_pool_connections{pool="reports",state="busy"} 0\n');
  });

  it('reports, drill-downs and exports show the replica’s state, not the primary’s', async () => {
    await file(3);
    await replica.caughtUp();
    expect(await reportedTickets()).toBe(3);

    await replica.pause();
    await file(2);
    expect(await primaryFacts()).toBe(5);
    // The primary has five tickets in its read model; the replica, paused, still three.
    expect(await reportedTickets()).toBe(3);
    expect((await get(executive, `/reports/tickets?${period}`)).body.total).toBe(3);
    expect(await csvLines(`/reports/tickets/export?${period}&format=csv`)).toHaveLength(1 + 3);
    const [{ refreshed }] = await t.dataSource.query('SELECT refreshed_at AS refreshed FROM report_state WHERE id = 1');
    // The figures say how fresh they are as the replica has it: older than the primary's last refresh.
    expect(Date.parse((await get(executive, `/reports/summary?${period}`)).body.asOf)).toBeLessThan(refreshed.getTime());
    // The export just streamed was audited on the primary; the audit log's export reads the replica.
    const exported = AUDIT_ACTION_LABELS[AuditAction.ReportExported];
    const auditExport = async () => (await csvLines('/audit-log/export', admin)).filter((line) => line.includes(exported));
    expect(await auditExport()).toHaveLength(0);
    const [{ n: audited }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [AuditAction.ReportExported]);
    expect(audited).toBe(1);

    await replica.resume();
    await replica.caughtUp();
    expect(await reportedTickets()).toBe(5);
    expect(await auditExport()).toHaveLength(1);
    expect(await csvLines(`/reports/tickets/export?${period}&format=csv`)).toHaveLength(1 + 5);
  }, 120_000);

  it('stays ready without the replica: only the reports fail, and readiness says which', async () => {
    await replica.stop();
    const { body } = await t.http().get('/health/ready').expect(200);
    expect(body.checks).toMatchObject({ database: 'up', redis: 'up', reportsDatabase: 'down' });
    // A database that does not answer is a 503 (try again later), as for the primary.
    await t.http().get(`/api/v1/reports/summary?${period}`).set('Authorization', `Bearer ${executive.token}`).expect(503);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM tickets');
    expect(n).toBe(5);
  }, 60_000);
});
