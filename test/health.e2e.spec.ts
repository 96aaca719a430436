import { Client } from 'pg';
import { ApiProcess, buildService, createTestApp, OwnRedis, startApiProcess, TestApp, waitFor } from '@app/testing';
import { MIGRATION_LOCK } from '@app/database';

const KEY = 'dev-only-intake-key-change-me';

describe('health for orchestrators: liveness, readiness, a graceful shutdown', () => {
  const redis = new OwnRedis(17379 + (process.pid % 1000));
  let t: TestApp;
  let pg: Client;

  beforeAll(async () => {
    buildService();
    await redis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
    pg = new Client({ connectionString: t.env.DATABASE_URL });
    await pg.connect();
  }, 180_000);
  afterAll(async () => {
    await pg.end();
    await t.close();
    await redis.stop();
  });

  const ready = () => t.http().get('/health/ready');

  it('is live and ready when PostgreSQL and Redis answer and the schema is current', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const res = await ready().expect(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up', migrations: 'done', shutdown: false } });
  });

  it('is not ready while another process runs the migrations, and ready again after', async () => {
    await pg.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const res = await ready().expect(503);
      expect(res.body).toMatchObject({ status: 'not-ready', checks: { migrations: 'running', database: 'up' } });
      await t.http().get('/health/live').expect(200);
    } finally {
      await pg.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
    await ready().expect(200);
  });

  it("stays ready while another database on the same server migrates (its lock is that database's)", async () => {
    const other = new Client({ connectionString: t.env.DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await ready().expect(200);
    } finally {
      await other.end();
    }
  });

  it('is not ready while the schema lags the code (a migration left pending)', async () => {
    const [last] = await pg.query('SELECT * FROM migrations ORDER BY id DESC LIMIT 1').then((r) => r.rows);
    await pg.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      expect((await ready().expect(503)).body.checks.migrations).toBe('pending');
    } finally {
      await pg.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    await ready().expect(200);
  });

  describe('an API process told to stop (SIGTERM)', () => {
    let api: ApiProcess;
    beforeAll(async () => {
      api = await startApiProcess({ ...t.env, SHUTDOWN_DELAY_MS: '1500' });
    });
    afterAll(() => api.stop());

    it('says "not ready" while it still serves, finishes the request in flight, then exits', async () => {
      const blocker = new Client({ connectionString: t.env.DATABASE_URL });
      await blocker.connect();
      try {
        // The receipt's insert waits on this lock: the request is in flight when the signal comes.
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE inbound_events IN EXCLUSIVE MODE');
        const inFlight = fetch(`${api.url}/api/v1/intake/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Intake-Key': KEY },
          body: JSON.stringify({
            channel: 'sms',
            providerId: 'SM-drain-1',
            payload: { MessageSid: 'SM-drain-1', From: '+905321110003', Body: 'Çöp toplanmadı' },
          }),
        });
        await waitFor('the receipt waiting on the lock', async () => {
          const { rows } = await pg.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%inbound_events%'`);
          return rows.length > 0;
        });
        api.child.kill('SIGTERM');
        const during = await waitFor('not ready', async () => {
          const res = await fetch(`${api.url}/health/ready`);
          return res.status === 503 ? ((await res.json()) as { checks: { shutdown: boolean } }) : null;
        });
        expect(during.checks.shutdown).toBe(true);
        expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
        expect(api.child.exitCode).toBeNull();
        await blocker.query('COMMIT');
        const answered = await inFlight;
        expect(answered.status).toBe(202);
        expect(await api.exited).toEqual({ code: null, signal: 'SIGTERM' });
        const { rows } = await pg.query(`SELECT state FROM inbound_events WHERE provider_id = 'SM-drain-1'`);
        expect(rows).toHaveLength(1);
      } finally {
        await blocker.end();
      }
    }, 60_000);
  });

  it('is not ready but still live while Redis is unreachable, and ready once it is back', async () => {
    await redis.stop();
    try {
      const res = await ready().expect(503);
      expect(res.body.checks).toMatchObject({ redis: 'down', database: 'up' });
      await t.http().get('/health/live').expect(200);
    } finally {
      await redis.start();
    }
    await waitFor('ready again', async () => (await ready()).status === 200);
    // And the workers are back at work (they reconnect on their own time; closing before they have would hang).
    const sent = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: 'SM-after-redis', payload: { MessageSid: 'SM-after-redis', From: '+905321110004', Body: 'Su kesik' } })
      .expect(202);
    await waitFor(
      'the event filed',
      async () => (await pg.query(`SELECT 1 FROM inbound_events WHERE id = $1 AND state = 'processed'`, [sent.body.eventId])).rows.length > 0,
      30_000,
    );
  }, 60_000);
});
