import { createTestApp, loginAs, OwnPostgres, TestApp, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';

describe('nothing is lost when PostgreSQL restarts', () => {
  const postgres = new OwnPostgres();
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    await postgres.start();
    t = await createTestApp({ env: { DATABASE_URL: postgres.url.replace(/\/postgres$/, '/cm_pg_restart'), SWEEP_INTERVAL_MS: '300', SWEEP_GRACE_MS: '300' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await postgres.destroy();
  });

  const texts = ['Sokakta çukur var', 'Çöpler toplanmadı', 'Sokak lambası yanmıyor', 'Kaldırım işgali var'];
  const event = () => {
    seq += 1;
    const id = `SM-pg-${seq}`;
    return {
      channel: 'sms',
      providerId: id,
      payload: { MessageSid: id, From: `+90536${String(3_000_000 + seq).padStart(7, '0')}`, Body: texts[seq % texts.length] },
    };
  };
  const post = (body: object) => t.http().post('/api/v1/intake/events').set('X-Intake-Key', KEY).send(body);

  it('answers 503 with Retry-After while PostgreSQL is down, and files every message exactly once after it is back', async () => {
    const agent = await loginAs(t, 'agent');
    const stored = Array.from({ length: 8 }, event);
    const before = await Promise.all(stored.map(post));
    expect(before.map((r) => r.status)).toEqual(Array(8).fill(202));

    await postgres.stop();
    const refused = Array.from({ length: 8 }, event);
    const during = await Promise.all(refused.map(post));
    expect(during.map((r) => r.status)).toEqual(Array(8).fill(503));
    for (const res of during) {
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    }
    // Staff screens get the same answer, not a 500.
    const list = await t.http().get('/api/v1/tickets').set('Authorization', `Bearer ${agent.token}`);
    expect(list.status).toBe(503);
    expect((await t.http().get('/health')).status).toBe(503);

    await postgres.start();
    // The provider sends again what was refused; the first retries may meet connections still closing.
    for (const body of refused) {
      await waitFor(`${body.providerId} accepted`, async () => (await post(body)).status === 202, 20_000, 200);
    }
    // A retry of what was stored before stores nothing new.
    expect((await post(stored[0]).expect(202)).body.duplicate).toBe(true);
    t.clock.advance(5_000);
    const settled = await waitFor(
      'every event filed and every ticket routed',
      async () => {
        const [row] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM inbound_events)::int AS events,
                  (SELECT count(*) FROM inbound_events WHERE state <> 'processed')::int AS pending,
                  (SELECT count(*) FROM tickets)::int AS tickets,
                  (SELECT count(*) FROM tickets WHERE routed_at IS NULL AND NOT triage AND status = 'new')::int AS unrouted`,
        );
        return row.pending === 0 && row.unrouted === 0 ? row : null;
      },
      45_000,
      200,
    );
    expect(settled).toEqual({ events: 16, pending: 0, tickets: 16, unrouted: 0 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT ticket_id FROM inbound_events GROUP BY ticket_id HAVING count(*) > 1) d`);
    expect(n).toBe(0);
  }, 120_000);
});
