import { AddressInfo } from 'node:net';
import { Cluster } from 'ioredis';
import { createTestApp, EventStream, idByCode, loginAs, openEventStream, OwnRedisCluster, Staff, TestApp, waitFor } from '@app/testing';
import { messageSid, postSignedSms, twilioEnv } from './signed-sms';

/** The whole service on a three-master Redis Cluster: queues, rate limits, live updates, a report. */
describe('on a Redis Cluster', () => {
  const cluster = new OwnRedisCluster();
  let t: TestApp;
  let fenStaff: Staff;
  let executive: Staff;
  let admin: Staff;
  let stream: EventStream<{ ticketId: string }>;

  beforeAll(async () => {
    await cluster.start();
    t = await createTestApp({ env: { ...twilioEnv, REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.addresses } });
    await t.app.listen(0, '127.0.0.1');
    // Sign-in takes and gives back rate-limit hits: a script over three counters, which must share a slot.
    [fenStaff, executive, admin] = await Promise.all([loginAs(t, 'department-staff'), loginAs(t, 'executive'), loginAs(t, 'admin')]);
  }, 120_000);
  afterAll(async () => {
    stream?.close();
    await t?.close();
    await cluster.stop();
  });

  const potholes = ['Sokakta büyük bir çukur var', 'Caddede asfalt çöktü, çukur oluştu', 'Yolda derin bir çukur var, araçlar zarar görüyor'];
  const sids = potholes.flatMap((text, i) => [messageSid('c', i * 2 + 1), messageSid('c', i * 2 + 2)]);

  it('turns signed SMS into tickets in the department inbox, each once, and tells the staff live', async () => {
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    stream = await openEventStream(port, '/api/v1/live/tickets', 'ticket', { Authorization: `Bearer ${fenStaff.token}` });
    const statuses = await Promise.all(sids.map((sid, i) => postSignedSms(t, sid, `+90532${String(8_100_000 + i)}`, potholes[Math.floor(i / 2)])));
    expect(statuses).toEqual(sids.map(() => 200));
    // A retry of the first is stored once.
    expect(await postSignedSms(t, sids[0], '+905328100000', potholes[0])).toBe(200);

    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const tickets: { id: string; department_id: string }[] = await waitFor(
      'every SMS a routed ticket',
      async () => {
        const rows = await t.dataSource.query(
          `SELECT t.id, t.department_id FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id
            WHERE e.provider_id = ANY($1) AND t.routed_at IS NOT NULL`,
          [sids],
        );
        return rows.length === sids.length ? rows : null;
      },
      90_000,
      200,
    );
    expect(new Set(tickets.map((r) => r.id)).size).toBe(sids.length);
    expect(tickets.every((r) => r.department_id === fen)).toBe(true);
    const inbox = await t.http().get('/api/v1/tickets?status=new&pageSize=100').set('Authorization', `Bearer ${fenStaff.token}`).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(tickets.map((r) => r.id)));
    await waitFor('live updates through the cluster', async () => tickets.every((r) => stream.events.some((e) => e.ticketId === r.id)), 30_000);
  }, 150_000);

  it('runs a report export as a job and serves its file', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const auth = `Bearer ${executive.token}`;
    // Reports read a read model the workers fold the tickets into; fold now rather than wait a minute.
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
    const period = { from: day(-1), to: day(1) };
    const started = await t
      .http()
      .post('/api/v1/reports/exports')
      .set('Authorization', auth)
      .send({ report: 'tickets', format: 'csv', ...period })
      .expect(202);
    const done = await waitFor(
      'the export done',
      async () => {
        const { body } = await t.http().get(`/api/v1/reports/exports/${started.body.id}`).set('Authorization', auth).expect(200);
        return body.state === 'done' ? body : null;
      },
      90_000,
      200,
    );
    expect(done.rowsWritten).toBeGreaterThanOrEqual(sids.length);
    const file = await t.http().get(done.download).set('Authorization', auth).expect(200);
    const trackingNos: { tracking_no: string }[] = await t.dataSource.query('SELECT tracking_no FROM tickets');
    for (const { tracking_no } of trackingNos) expect(file.text).toContain(tracking_no);
  }, 120_000);

  it('keeps every key of the installation under the hash-tagged prefix, in one slot', async () => {
    const client = new Cluster(cluster.addresses.split(',').map((a) => ({ host: '127.0.0.1', port: Number(a.split(':')[1]) })));
    try {
      await client.ping();
      const prefix = t.env.REDIS_PREFIX;
      const perNode = await Promise.all(client.nodes('master').map((node) => node.keys(`*${prefix}*`)));
      const keys = perNode.flat();
      const parts = new Set(keys.map((key) => key.split(':')[1]));
      expect([...parts]).toEqual(expect.arrayContaining(['intake', 'reports', 'rate']));
      expect(keys.every((key) => key.startsWith(`{${prefix}}:`))).toBe(true);
      expect(perNode.filter((found) => found.length > 0)).toHaveLength(1);
    } finally {
      client.disconnect();
    }
  });
});
