import { AddressInfo } from 'node:net';
import { getExpectedTwilioSignature } from 'twilio';
import { categoryId, createTestApp, EventStream, loginAs, openEventStream, Staff, TestApp, ticketInput, waitFor } from '@app/testing';
import type { IncomingCall } from '../src/modules/live/incoming-call';

const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;

/** A 444 call reaches an agent: their screen shows the caller, and one request turns the call into a ticket. */
describe('screen-pop and the ticket from a call', () => {
  let t: TestApp;
  let port: number;
  let agent: Staff;
  let supervisor: Staff;
  const streams: EventStream<unknown>[] = [];
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL }, now: new Date('2026-11-25T07:00:00Z') });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    agent = await loginAs(t, 'agent');
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.close();
  });

  const hook = (path: string, params: Record<string, string>) => {
    const signature = getExpectedTwilioSignature(TOKEN, `${BASE}/${path}`, params);
    return t.http().post(`/api/v1/channels/twilio/voice/${path}`).type('form').set('X-Twilio-Signature', signature).send(params);
  };
  const callsOf = async (staff: Staff) => {
    const stream = await openEventStream<IncomingCall>(port, '/api/v1/live/calls', 'call', { Authorization: `Bearer ${staff.token}` });
    streams.push(stream as EventStream<unknown>);
    return stream;
  };
  const ring = async (from: string) => {
    const CallSid = `CA${String((seq += 1)).padStart(32, '0')}`;
    t.clock.advance(60_000); // a minute between calls
    await hook('incoming', { CallSid, From: from, To: '+904440444', CallStatus: 'ringing' }).expect(200);
    await hook('menu', { CallSid, From: from, Digits: '0' }).expect(200);
    return CallSid;
  };

  it('an agent takes the next caller; only that agent’s screen shows who it is and what is open, masked', async () => {
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ citizen: { fullName: 'Mehmet Kaya', phone: '+905331112244' } }))
      .expect(201);
    const mine = await callsOf(agent);
    const theirs = await callsOf(supervisor);
    const callSid = await ring('+905331112244');

    const dequeue = await hook('dequeue', { CallSid: 'CAagentleg', From: `client:agent-${agent.id}` }).expect(200);
    expect(dequeue.text).toContain(`<Dial><Queue url="${BASE}/connected?agentId=${agent.id}" method="POST">cagri-merkezi</Queue></Dial>`);
    const connected = await t
      .http()
      .post(`/api/v1/channels/twilio/voice/connected?agentId=${agent.id}`)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/connected?agentId=${agent.id}`, { CallSid: callSid, From: '+905331112244' }))
      .send({ CallSid: callSid, From: '+905331112244' })
      .expect(200);
    expect(connected.text).toContain('Bir müşteri temsilcisine bağlanıyorsunuz.');

    const pop = await waitFor('the screen-pop', async () => mine.events.find((e) => e.callSid === callSid));
    expect(pop).toMatchObject({
      agentId: agent.id,
      callerMasked: '+90 5** *** ** 44',
      citizen: { fullName: 'Mehmet Kaya', phone: '+90 5** *** ** 44' },
      openTickets: [{ id: created.body.id, trackingNo: created.body.trackingNo, status: 'new' }],
    });
    expect(JSON.stringify(pop)).not.toContain('5331112244');
    expect(theirs.events).toEqual([]);
    expect((await t.dataSource.query('SELECT agent_id FROM call_logs WHERE call_sid = $1', [callSid]))[0].agent_id).toBe(agent.id);
  });

  it('a softphone that is not a call-centre agent takes no caller', async () => {
    const staff = await loginAs(t, 'department-staff');
    const res = await hook('dequeue', { CallSid: 'CAotherleg', From: `client:agent-${staff.id}` }).expect(200);
    expect(res.text).toContain('yalnızca çağrı merkezi temsilcileri içindir');
    expect(res.text).not.toContain('<Queue');
  });

  it('opens a ticket for the caller linked to the call, once; or closes it at once when solved on the phone', async () => {
    const callSid = await ring('+905447778899');
    const api = t.http().post(`/api/v1/calls/${callSid}/ticket`).set('Authorization', `Bearer ${agent.token}`);
    const res = await api
      .send({
        subject: 'Kaldırım kırık',
        description: 'Okul önündeki kaldırım taşları kırık.',
        categoryId: await categoryId(t.dataSource, 'FEN-001'),
        citizenName: 'Zeynep Ak',
      })
      .expect(201);
    expect(res.body).toMatchObject({ channel: 'phone', status: 'new', citizen: { fullName: 'Zeynep Ak', phone: '+90 5** *** ** 99' } });
    expect((await t.dataSource.query('SELECT ticket_id, agent_id FROM call_logs WHERE call_sid = $1', [callSid]))[0]).toEqual({
      ticket_id: res.body.id,
      agent_id: agent.id,
    });
    const again = await t
      .http()
      .post(`/api/v1/calls/${callSid}/ticket`)
      .set('Authorization', `Bearer ${agent.token}`)
      .send({ subject: 'Tekrar', description: 'İkinci kez' })
      .expect(409);
    expect(again.body.code).toBe('CALL_ALREADY_LINKED');

    const solvedCall = await ring('+905447778800');
    const noNote = await t
      .http()
      .post(`/api/v1/calls/${solvedCall}/ticket`)
      .set('Authorization', `Bearer ${agent.token}`)
      .send({ subject: 'Su kesintisi', description: 'Ne zaman gelecek?', kind: 'bilgi_edinme', solvedDuringCall: true })
      .expect(400);
    expect(noNote.body.details[0].field).toBe('resolutionNote');
    const solved = await t
      .http()
      .post(`/api/v1/calls/${solvedCall}/ticket`)
      .set('Authorization', `Bearer ${agent.token}`)
      .send({
        subject: 'Çöp toplama saati',
        description: 'Çöpler hangi gün toplanıyor?',
        kind: 'bilgi_edinme',
        solvedDuringCall: true,
        resolutionNote: 'Salı ve cuma akşamları toplandığı bildirildi.',
      })
      .expect(201);
    expect(solved.body.status).toBe('closed');
    const detail = (await t.http().get(`/api/v1/tickets/${solved.body.id}`).set('Authorization', `Bearer ${agent.token}`)).body;
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed', 'status_changed']);

    const staff = await loginAs(t, 'department-staff');
    await t.http().post(`/api/v1/calls/${callSid}/ticket`).set('Authorization', `Bearer ${staff.token}`).send({ subject: 'X', description: 'Yyy' }).expect(403);
    await t
      .http()
      .post('/api/v1/calls/CAunknown/ticket')
      .set('Authorization', `Bearer ${agent.token}`)
      .send({ subject: 'Xxx', description: 'Yyy' })
      .expect(404);
  });

  it('lists the call log newest first with masked numbers; agents see only the calls they took', async () => {
    const untaken = await ring('+905550001122');
    const asSupervisor = (await t.http().get('/api/v1/calls').set('Authorization', `Bearer ${supervisor.token}`).expect(200)).body;
    expect(asSupervisor.total).toBe(seq);
    expect(asSupervisor.items[0]).toMatchObject({ callSid: untaken, fromNumber: '+90 5** *** ** 22', status: 'ringing', menuChoice: 'agent', agentId: null });
    expect(JSON.stringify(asSupervisor)).not.toContain('5550001122');
    expect(asSupervisor.items[0].statusRank).toBeUndefined();

    const asAgent = (await t.http().get('/api/v1/calls').set('Authorization', `Bearer ${agent.token}`).expect(200)).body;
    expect(asAgent.items.length).toBeGreaterThan(0);
    expect(asAgent.items.every((c: { agentId: string }) => c.agentId === agent.id)).toBe(true);
    expect(asAgent.items.map((c: { callSid: string }) => c.callSid)).not.toContain(untaken);

    const bad = await t.http().get('/api/v1/calls?status=ringin').set('Authorization', `Bearer ${supervisor.token}`).expect(400);
    expect(bad.body.details[0].field).toBe('status');
    const staff = await loginAs(t, 'department-staff');
    await t.http().get('/api/v1/calls').set('Authorization', `Bearer ${staff.token}`).expect(403);
  });

  it('a withheld number needs the citizen’s phone from the agent, and names the field when it is missing or wrong', async () => {
    const withheld = await ring('+266696687'); // Twilio's caller ID for an anonymous caller
    const post = (body: object) => t.http().post(`/api/v1/calls/${withheld}/ticket`).set('Authorization', `Bearer ${agent.token}`).send(body);
    const missing = await post({ subject: 'Gürültü', description: 'Gece boyunca gürültü var.' }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'citizenPhone', message: 'citizenPhone: arayan numara gizli; vatandaşın telefonunu girin' }]);
    const wrong = await post({ subject: 'Gürültü', description: 'Gece boyunca gürültü var.', citizenPhone: '12' }).expect(400);
    expect(wrong.body.details[0].field).toBe('citizenPhone');
    const ok = await post({ subject: 'Gürültü', description: 'Gece boyunca gürültü var.', citizenPhone: '0532 777 66 55', kind: 'sikayet' }).expect(201);
    expect(ok.body.citizen.phone).toBe('+90 5** *** ** 55');
    const log = (await t.http().get('/api/v1/calls').set('Authorization', `Bearer ${supervisor.token}`)).body.items.find(
      (c: { callSid: string }) => c.callSid === withheld,
    );
    expect(log).toMatchObject({ fromNumber: 'gizli numara', ticketId: ok.body.id });

    const badAgent = await t
      .http()
      .post('/api/v1/channels/twilio/voice/connected?agentId=nope')
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/connected?agentId=nope`, { CallSid: withheld }))
      .send({ CallSid: withheld })
      .expect(400);
    expect(badAgent.body.details[0].field).toBe('agentId');
  });

  it('without the browser phone configured: no token (409, in Turkish), the config says so, and a transfer is recorded on the call log', async () => {
    const refused = await t.http().post('/api/v1/voice/token').set('Authorization', `Bearer ${agent.token}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'VOICE_NOT_CONFIGURED', message: 'Tarayıcı telefonu yapılandırılmamış' });
    const config = await t.http().get('/api/v1/voice/config').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(config.body).toEqual({ configured: false, identity: `agent-${agent.id}` });
    // Available or not, with no softphones a call waits in the queue.
    await t.http().post('/api/v1/voice/presence').set('Authorization', `Bearer ${agent.token}`).send({ state: 'available' }).expect(200);
    const callSid = await ring('+905331110000');
    expect((await hook('agent', { CallSid: callSid }).expect(200)).text).toContain('<Enqueue');

    await t.dataSource.query('UPDATE call_logs SET agent_id = $2 WHERE call_sid = $1', [callSid, agent.id]);
    const res = await t
      .http()
      .post(`/api/v1/calls/${callSid}/transfer`)
      .set('Authorization', `Bearer ${agent.token}`)
      .send({ toUserId: supervisor.id })
      .expect(200);
    expect(res.body).toMatchObject({ callSid, toUserId: supervisor.id, departmentId: null, redirected: false });
    const [row] = await t.dataSource.query(
      'SELECT transferred_to_user_id, transferred_by_id, transfer_redirected, transferred_at FROM call_logs WHERE call_sid = $1',
      [callSid],
    );
    expect(row).toMatchObject({ transferred_to_user_id: supervisor.id, transferred_by_id: agent.id, transfer_redirected: false });
    expect(row.transferred_at).not.toBeNull();
  });
});
