import { createTestApp, OwnRedisSentinel, TestApp, waitFor } from '@app/testing';
import { messageSid, postSignedSms, twilioEnv } from './signed-sms';

/** Redis behind a Sentinel: the master is killed mid-intake, the replica takes over, nothing is lost or doubled. */
describe('on a Redis master that Sentinel fails over', () => {
  const sentinel = new OwnRedisSentinel();
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    await sentinel.start();
    t = await createTestApp({
      env: {
        ...twilioEnv,
        REDIS_URL: '',
        REDIS_SENTINELS: sentinel.addresses,
        REDIS_SENTINEL_NAME: sentinel.name,
        SWEEP_INTERVAL_MS: '300',
        SWEEP_GRACE_MS: '300',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await sentinel.stop();
  });

  // Each goes to a department; every sender is a different citizen, so no message threads onto another's ticket.
  const texts = ['Sokakta çukur var', 'Çöpler toplanmadı', 'Parktaki bank kırık', 'Kaldırım işgali var'];
  const sids: string[] = [];
  const sendBatch = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => {
        seq += 1;
        sids.push(messageSid('5e', seq));
        return postSignedSms(t, messageSid('5e', seq), `+90535${String(3_000_000 + seq)}`, texts[seq % texts.length]);
      }),
    );

  it('turns every event into exactly one routed ticket across a failover', async () => {
    expect(await sendBatch(12)).toEqual(Array(12).fill(200));
    const replicaPort = sentinel.replica.port;
    await sentinel.master.stop();
    // Webhooks keep answering while there is no master: the event is in PostgreSQL, its job follows.
    expect(await sendBatch(8)).toEqual(Array(8).fill(200));
    await waitFor('the sentinel to promote the replica', async () => (await sentinel.masterPort()) === replicaPort, 60_000, 200);
    await waitFor(
      'the app on the new master',
      async () => {
        // Redis's own check: the migration lock's is PostgreSQL-wide, and other suites may hold it.
        const { body } = await t.http().get('/health/ready');
        if (body.checks.redis !== 'up') throw new Error(JSON.stringify(body));
        return true;
      },
      60_000,
      200,
    );
    expect(await sendBatch(12)).toEqual(Array(12).fill(200));

    // The sweepers leave fresh work to its own job for SWEEP_GRACE_MS; let that pass.
    t.clock.advance(5_000);
    const settled = await waitFor(
      'every event processed and every ticket routed',
      async () => {
        const [row] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM inbound_events WHERE state <> 'processed')::int AS pending,
                  (SELECT count(*) FROM tickets WHERE routed_at IS NULL AND NOT triage AND status = 'new')::int AS unrouted,
                  (SELECT count(*) FROM inbound_events)::int AS events`,
        );
        return row.pending === 0 && row.unrouted === 0 ? row : null;
      },
      120_000,
      300,
    );
    expect(settled.events).toBe(32);
    const perEvent = await t.dataSource.query(
      `SELECT e.provider_id, count(DISTINCT e.ticket_id)::int AS tickets FROM inbound_events e WHERE e.provider_id = ANY($1) GROUP BY e.provider_id`,
      [sids],
    );
    expect(perEvent).toHaveLength(32);
    expect(perEvent.every((row: { tickets: number }) => row.tickets === 1)).toBe(true);
    const [{ tickets }] = await t.dataSource.query('SELECT count(*)::int AS tickets FROM tickets');
    expect(tickets).toBe(32);
    const twice = await t.dataSource.query(
      `SELECT ticket_id, type, count(*)::int AS n FROM ticket_events WHERE type IN ('created', 'routed') GROUP BY ticket_id, type HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const [{ routed }] = await t.dataSource.query(`SELECT count(*)::int AS routed FROM ticket_events WHERE type = 'routed'`);
    expect(routed).toBe(32);
  }, 300_000);
});
