import { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createStaff, createTestApp, idByCode, loginAs, openEventStream, Staff, TestApp, waitFor } from '@app/testing';

interface Stream {
  events: { ticketId: string; departmentId: string | null }[];
  ended: () => boolean;
  close: () => void;
}

describe('live ticket updates over server-sent events', () => {
  let t: TestApp;
  let port: number;
  let fen: string;
  let park: string;
  let fenStaff: Staff;
  let parkStaff: Staff;
  let agent: Staff;
  let admin: Staff;
  const streams: Stream[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { LIVE_SESSION_CHECK_MS: '200' } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    fen = await idByCode(t.dataSource, 'departments', 'FEN');
    park = await idByCode(t.dataSource, 'departments', 'PARK');
    admin = await loginAs(t, 'admin');
    fenStaff = await loginAs(t, 'department-staff');
    parkStaff = await createStaff(t, admin, 'department_staff', park);
    agent = await loginAs(t, 'agent');
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.close();
  });

  async function open(path: string, headers: Record<string, string> = {}): Promise<{ status: number; stream: Stream }> {
    const stream = await openEventStream<Stream['events'][number]>(port, path, 'ticket', headers);
    streams.push(stream);
    return { status: stream.status, stream };
  }

  const publishedTo = (stream: Stream, ticketId: string) => stream.events.some((e) => e.ticketId === ticketId);

  it('tells each user about the tickets they may see, across processes through Redis', async () => {
    const fenStream = (await open('/api/v1/live/tickets', { Authorization: `Bearer ${fenStaff.token}` })).stream;
    const parkStream = (await open('/api/v1/live/tickets', { Authorization: `Bearer ${parkStaff.token}` })).stream;
    const agentStream = (await open(`/api/v1/live/tickets?access_token=${agent.token}`)).stream;
    // Another API process publishing: a separate Redis connection on the same channel.
    const other = new Redis(t.env.REDIS_URL);
    const channel = `${t.env.REDIS_PREFIX}:live:tickets`;
    const message = (ticketId: string, departmentId: string) =>
      JSON.stringify({ ticketId, trackingNo: '2026-000001', departmentId, status: 'new', change: 'routed', at: new Date().toISOString() });
    await waitFor('subscribers', async () => (await other.pubsub('NUMSUB', channel))[1] === 1);
    await other.publish(channel, message('fen-ticket', fen));
    await other.publish(channel, message('park-ticket', park));
    await waitFor(
      'delivery',
      async () => publishedTo(agentStream, 'park-ticket') && publishedTo(fenStream, 'fen-ticket') && publishedTo(parkStream, 'park-ticket'),
    );
    other.disconnect();
    expect(fenStream.events.map((e) => e.ticketId)).toEqual(['fen-ticket']);
    expect(parkStream.events.map((e) => e.ticketId)).toEqual(['park-ticket']);
    expect(agentStream.events.map((e) => e.ticketId)).toEqual(['fen-ticket', 'park-ticket']);
  });

  it('announces a WhatsApp message as it becomes a ticket and is routed', async () => {
    const fenStream = (await open('/api/v1/live/tickets', { Authorization: `Bearer ${fenStaff.token}` })).stream;
    await new Promise((r) => setTimeout(r, 100));
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', 'dev-only-intake-key-change-me')
      .send({
        channel: 'whatsapp',
        providerId: 'wamid.live.1',
        payload: { id: 'wamid.live.1', from: '905321239876@c.us', body: 'Sokağımızda büyük bir çukur var', type: 'chat' },
      })
      .expect(202);
    const ticketId = await waitFor(
      'ticket',
      async () => (await t.dataSource.query('SELECT ticket_id FROM inbound_events WHERE id = $1', [res.body.eventId]))[0]?.ticket_id,
    );
    await waitFor('routed event on the FEN stream', async () =>
      fenStream.events.some((e) => e.ticketId === ticketId && (e as { change?: string }).change === 'routed'),
    );
  });

  it('refuses a stream without a valid token', async () => {
    expect((await open('/api/v1/live/tickets')).status).toBe(401);
    expect((await open('/api/v1/live/tickets?access_token=forged')).status).toBe(401);
  });

  it('closes a stream once its sign-in is revoked, and leaves the others open', async () => {
    const leaving = await createStaff(t, admin, 'department_staff', fen);
    const staying = await createStaff(t, admin, 'department_staff', fen);
    const leavingStream = (await open(`/api/v1/live/tickets?access_token=${leaving.token}`)).stream;
    const stayingStream = (await open('/api/v1/live/tickets', { Authorization: `Bearer ${staying.token}` })).stream;
    await new Promise((r) => setTimeout(r, 500));
    expect([leavingStream.ended(), stayingStream.ended()]).toEqual([false, false]);
    await t.http().patch(`/api/v1/users/${leaving.id}`).set('Authorization', `Bearer ${admin.token}`).send({ active: false }).expect(200);
    await waitFor('the revoked stream ended', async () => leavingStream.ended());
    await new Promise((r) => setTimeout(r, 500));
    expect(stayingStream.ended()).toBe(false);
  });
});
