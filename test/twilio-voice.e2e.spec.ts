import { createHmac } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio';
import { createStaff, createTestApp, FakeTwilioApi, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

const TOKEN = 'test-twilio-auth-token-0123456789';
const ACCOUNT = `AC${'a'.repeat(32)}`;
const API_KEY = `SK${'b'.repeat(32)}`;
const API_SECRET = 'test-voice-api-secret-0123456789';
const TWIML_APP = `AP${'c'.repeat(32)}`;
const CALLER_ID = '+904440444';
const TTL = 1800;
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const WEDNESDAY_10_00 = new Date('2026-11-25T07:00:00Z');
const SATURDAY_12_00 = new Date('2026-11-28T09:00:00Z');

/** Twilio Voice webhooks, signed with the twilio library's own function, for each branch of the 444 menu. */
describe('the 444 line on Twilio Voice', () => {
  const twilio = new FakeTwilioApi(ACCOUNT, TOKEN);
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    const api = await twilio.start();
    t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_API_URL: api,
        TWILIO_API_KEY: API_KEY,
        TWILIO_API_SECRET: API_SECRET,
        TWILIO_TWIML_APP_SID: TWIML_APP,
        TWILIO_VOICE_CALLER_ID: CALLER_ID,
        VOICE_TOKEN_TTL_SECONDS: String(TTL),
        PUBLIC_URL,
        VOICE_QUEUE_WAIT_SECONDS: '60',
      },
      now: WEDNESDAY_10_00,
    });
  });
  afterAll(async () => {
    await t.close();
    await twilio.stop();
  });

  const callParams = (from = '+905321230000') => ({
    CallSid: `CA${String((seq += 1)).padStart(32, '0')}`,
    From: from,
    To: '+904440444',
    CallStatus: 'ringing',
    Direction: 'inbound',
  });
  const hook = (path: string, params: Record<string, string>, signature = getExpectedTwilioSignature(TOKEN, `${BASE}/${path}`, params)) =>
    t.http().post(`/api/v1/channels/twilio/voice/${path}`).type('form').set('X-Twilio-Signature', signature).send(params);
  const callLog = async (sid: string) => (await t.dataSource.query('SELECT * FROM call_logs WHERE call_sid = $1', [sid]))[0];

  it('greets in Turkish with the KVKK notice and offers the menu by key or speech, logging the call', async () => {
    const call = callParams();
    const res = await hook('incoming', call).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text).toContain(
      '<Say language="tr-TR">Belediye Çözüm Masası’na hoş geldiniz. Görüşmeniz, hizmet kalitesi için kayıt altına alınabilir; kişisel verileriniz KVKK kapsamında korunur.</Say>',
    );
    expect(res.text).toContain(`<Gather language="tr-TR" input="dtmf speech" numDigits="1" timeout="6" action="${BASE}/menu" method="POST"`);
    expect(await callLog(call.CallSid)).toMatchObject({ from_number: '+905321230000', to_number: '+904440444', status: 'ringing', menu_choice: null });
  });

  it('1 and 0 (or saying so) put the caller in the agent queue; a long wait leaves it for a voicemail', async () => {
    const call = callParams();
    await hook('incoming', call).expect(200);
    const one = await hook('menu', { CallSid: call.CallSid, From: call.From, Digits: '1' }).expect(200);
    expect(one.text).toContain(`<Enqueue action="${BASE}/queue-exit" method="POST" waitUrl="${BASE}/queue-wait" waitUrlMethod="POST">cagri-merkezi</Enqueue>`);
    expect((await callLog(call.CallSid)).menu_choice).toBe('report');
    const spoken = await hook('menu', { CallSid: call.CallSid, From: call.From, SpeechResult: 'Temsilciye bağlanmak istiyorum' }).expect(200);
    expect(spoken.text).toContain('<Enqueue');
    expect((await callLog(call.CallSid)).menu_choice).toBe('agent');

    expect((await hook('queue-wait', { CallSid: call.CallSid, QueueTime: '20' }).expect(200)).text).toContain('<Pause length="15"/>');
    expect((await hook('queue-wait', { CallSid: call.CallSid, QueueTime: '61' }).expect(200)).text).toContain('<Leave/>');
    const left = await hook('queue-exit', { CallSid: call.CallSid, QueueResult: 'leave' }).expect(200);
    expect(left.text).toContain(`<Record action="${BASE}/voicemail" method="POST" maxLength="120"`);
    const bridged = await hook('queue-exit', { CallSid: call.CallSid, QueueResult: 'bridged' }).expect(200);
    expect(bridged.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('2 reads back the status of an application made from the calling phone, and nothing else', async () => {
    const agent = await loginAs(t, 'agent');
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67' } }))
      .expect(201);
    const digits = created.body.trackingNo.replace('-', '');
    const call = callParams('+905321234567');
    await hook('incoming', call).expect(200);
    expect((await hook('menu', { CallSid: call.CallSid, From: call.From, Digits: '2' }).expect(200)).text).toContain(`action="${BASE}/status-lookup"`);
    const found = await hook('status-lookup', { CallSid: call.CallSid, From: call.From, Digits: digits }).expect(200);
    expect(found.text).toContain(`${digits.slice(0, 4)} ${Number(digits.slice(4))} numaralı başvurunuzun durumu: Yeni.`);
    expect(found.text).not.toContain('Ayşe');

    // Another phone, or a number that does not exist: nothing read, on to an agent.
    const other = await hook('status-lookup', { CallSid: call.CallSid, From: '+905559998877', Digits: digits }).expect(200);
    expect(other.text).toContain('aradığınız telefona kayıtlı bir başvuru bulunamadı');
    expect(other.text).toContain(`<Redirect method="POST">${BASE}/agent</Redirect>`);
  });

  it('outside working hours takes a voicemail, which becomes a ticket with the recording attached', async () => {
    t.clock.set(SATURDAY_12_00);
    try {
      const call = callParams('+905327654321');
      const res = await hook('incoming', call).expect(200);
      expect(res.text).toContain('mesai saatleri dışındayız');
      expect(res.text).toContain(`<Record action="${BASE}/voicemail"`);
      const recording = {
        CallSid: call.CallSid,
        From: call.From,
        RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE${'1'.repeat(32)}`,
        RecordingSid: `RE${'1'.repeat(32)}`,
        RecordingDuration: '42',
      };
      const saved = await hook('voicemail', recording).expect(200);
      expect(saved.text).toContain('Mesajınız alındı');
      await hook('voicemail', recording).expect(200); // Twilio's retry: still one ticket
      const ticket = await waitFor('the voicemail ticket', async () => {
        const [row] = await t.dataSource.query(
          `SELECT t.channel, t.triage, t.description, c.phone, (SELECT data FROM ticket_events WHERE ticket_id = t.id AND type = 'created') AS created
             FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id JOIN citizens c ON c.id = t.citizen_id WHERE e.provider_id = $1`,
          [`${call.CallSid}-voicemail`],
        );
        return row;
      });
      expect(ticket).toMatchObject({ channel: 'phone', triage: true, description: 'Sesli mesaj bırakıldı', phone: '+905327654321' });
      expect(ticket.created.media).toEqual([{ url: recording.RecordingUrl, contentType: 'audio/x-wav', filename: `${recording.RecordingSid}.wav` }]);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM inbound_events WHERE provider_id = $1', [`${call.CallSid}-voicemail`]))[0].n).toBe(1);
      expect(await callLog(call.CallSid)).toMatchObject({ menu_choice: 'voicemail', recording_url: recording.RecordingUrl });
    } finally {
      t.clock.set(WEDNESDAY_10_00);
    }
  });

  it('is closed on a holiday that falls on a weekday (29 Ekim 2026, a Thursday) and from 13:00 on its eve', async () => {
    try {
      for (const [at, open] of [
        ['2026-10-28T09:30:00Z', true],
        ['2026-10-28T10:30:00Z', false],
        ['2026-10-29T07:00:00Z', false],
      ] as const) {
        t.clock.set(new Date(at));
        const res = await hook('incoming', callParams()).expect(200);
        expect([at, res.text.includes('mesai saatleri dışındayız')]).toEqual([at, !open]);
      }
    } finally {
      t.clock.set(WEDNESDAY_10_00);
    }
  });

  it("links a voicemail's call to the ticket it became, and the call log shows it", async () => {
    t.clock.set(SATURDAY_12_00);
    try {
      const call = callParams('+905327650001');
      await hook('incoming', call).expect(200);
      const recording = {
        CallSid: call.CallSid,
        From: call.From,
        RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE${'2'.repeat(32)}`,
        RecordingSid: `RE${'2'.repeat(32)}`,
        RecordingDuration: '18',
      };
      await hook('voicemail', recording).expect(200);
      const event = await waitFor('the voicemail filed', async () => {
        const [row] = await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE provider_id = $1 AND state = 'processed'`, [
          `${call.CallSid}-voicemail`,
        ]);
        return row;
      });
      expect(await callLog(call.CallSid)).toMatchObject({ menu_choice: 'voicemail', ticket_id: event.ticket_id });
      const supervisor = await loginAs(t, 'supervisor');
      const list = await t.http().get('/api/v1/calls').query({ menuChoice: 'voicemail' }).set('Authorization', `Bearer ${supervisor.token}`).expect(200);
      expect(list.body.items.find((c: { callSid: string }) => c.callSid === call.CallSid)).toMatchObject({
        ticketId: event.ticket_id,
        fromNumber: expect.not.stringContaining('7650001'),
      });
    } finally {
      t.clock.set(WEDNESDAY_10_00);
    }
  });

  it('status callbacks arriving twice or out of order never move a call backwards', async () => {
    const call = callParams();
    const status = (CallStatus: string, extra: Record<string, string> = {}) =>
      hook('status', { CallSid: call.CallSid, From: call.From, To: call.To, CallStatus, ...extra }).expect(200);
    await status('in-progress');
    await status('completed', { CallDuration: '75' });
    await status('ringing'); // late
    await status('in-progress'); // late and repeated
    await status('completed', { CallDuration: '75' }); // repeated
    expect(await callLog(call.CallSid)).toMatchObject({ status: 'completed', status_rank: 3, duration_seconds: 75 });
    expect((await callLog(call.CallSid)).ended_at).not.toBeNull();
  });

  it('refuses a forged signature on any voice webhook, storing nothing', async () => {
    const call = callParams();
    await hook('incoming', call, getExpectedTwilioSignature('someone-elses-token-0000000', `${BASE}/incoming`, call)).expect(403);
    await hook('voicemail', { CallSid: call.CallSid, From: call.From, RecordingUrl: 'https://example.com/x' }, 'forged').expect(403);
    expect(await callLog(call.CallSid)).toBeUndefined();
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM inbound_events WHERE provider_id = $1', [`${call.CallSid}-voicemail`]))[0].n).toBe(0);
  });

  describe('in the browser (Twilio Voice JavaScript SDK)', () => {
    let agent: Staff;
    let colleague: Staff;
    const as = (staff: Staff) => ({
      get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
      post: (path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    });
    /** The JWT's parts, its HS256 signature checked with the API secret as Twilio checks it. */
    const decode = (token: string) => {
      const [header, payload, signature] = token.split('.');
      expect(createHmac('sha256', API_SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
      const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());
      return { header: json(header), payload: json(payload) };
    };

    beforeAll(async () => {
      agent = await loginAs(t, 'agent');
      colleague = await createStaff(t, await loginAs(t, 'admin'), 'agent');
    });
    afterEach(async () => {
      await t.dataSource.query('UPDATE voice_presence SET available = false');
    });

    it("issues a softphone token for the agent's identity: incoming allowed, outgoing through the TwiML App, expiring in VOICE_TOKEN_TTL_SECONDS", async () => {
      const before = Math.floor(Date.now() / 1000);
      const res = await as(agent).post('/voice/token').expect(200);
      const after = Math.floor(Date.now() / 1000);
      expect(res.body).toMatchObject({ identity: `agent-${agent.id}`, ttlSeconds: TTL });
      const { header, payload } = decode(res.body.token);
      expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' });
      expect(payload).toMatchObject({
        iss: API_KEY,
        sub: ACCOUNT,
        grants: { identity: `agent-${agent.id}`, voice: { incoming: { allow: true }, outgoing: { application_sid: TWIML_APP } } },
      });
      expect(payload.exp - payload.iat).toBe(TTL);
      expect(payload.exp).toBeGreaterThanOrEqual(before + TTL);
      expect(payload.exp).toBeLessThanOrEqual(after + TTL);
      expect(new Date(res.body.expiresAt).getTime()).toBe(payload.exp * 1000);

      const supervisor = await loginAs(t, 'supervisor');
      expect(decode((await as(supervisor).post('/voice/token').expect(200)).body.token).payload.grants.identity).toBe(`agent-${supervisor.id}`);
      const staff = await loginAs(t, 'department-staff');
      await as(staff).post('/voice/token').expect(403);
      await as(staff).get('/voice/config').expect(403);
      expect((await as(agent).get('/voice/config').expect(200)).body).toEqual({ configured: true, identity: `agent-${agent.id}` });
    });

    it("rings the available agents' softphones; nobody available, unanswered or away: the queue and voicemail as before", async () => {
      expect((await as(agent).post('/voice/presence', { state: 'available' }).expect(200)).body).toEqual({ state: 'available' });
      await as(colleague).post('/voice/presence', { state: 'available' }).expect(200);
      const bad = await as(agent).post('/voice/presence', { state: 'busy' }).expect(400);
      expect(bad.body.details[0].field).toBe('state');
      await as(await loginAs(t, 'department-staff'))
        .post('/voice/presence', { state: 'available' })
        .expect(403);

      const call = callParams('+905331112299');
      await hook('incoming', call).expect(200);
      const rung = await hook('menu', { CallSid: call.CallSid, From: call.From, Digits: '0' }).expect(200);
      expect(rung.text).toContain(`<Dial action="${BASE}/dial-exit" method="POST" timeout="20" answerOnBridge="true">`);
      expect(rung.text).toContain(`<Client url="${BASE}/connected?agentId=${agent.id}" method="POST">agent-${agent.id}</Client>`);
      expect(rung.text).toContain(`<Client url="${BASE}/connected?agentId=${colleague.id}" method="POST">agent-${colleague.id}</Client>`);
      expect(rung.text).not.toContain('<Enqueue');

      // The agent answers: Twilio runs `connected` on the agent's leg, naming the caller's as ParentCallSid.
      const leg = { CallSid: `CA${'9'.repeat(32)}`, ParentCallSid: call.CallSid, From: call.From };
      const answered = await t
        .http()
        .post(`/api/v1/channels/twilio/voice/connected?agentId=${agent.id}`)
        .type('form')
        .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${BASE}/connected?agentId=${agent.id}`, leg))
        .send(leg)
        .expect(200);
      expect(answered.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      expect((await callLog(call.CallSid)).agent_id).toBe(agent.id);
      expect((await hook('dial-exit', { CallSid: call.CallSid, DialCallStatus: 'completed' }).expect(200)).text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response/>',
      );
      const unanswered = await hook('dial-exit', { CallSid: call.CallSid, DialCallStatus: 'no-answer' }).expect(200);
      expect(unanswered.text).toContain(`<Enqueue action="${BASE}/queue-exit"`);

      // Away, or available longer ago than a token lives: the queue.
      await as(colleague).post('/voice/presence', { state: 'away' }).expect(200);
      const one = await hook('agent', { CallSid: call.CallSid }).expect(200);
      expect(one.text).toContain(`agent-${agent.id}`);
      expect(one.text).not.toContain(`agent-${colleague.id}`);
      t.clock.advance((TTL + 1) * 1000);
      try {
        const stale = await hook('agent', { CallSid: call.CallSid }).expect(200);
        expect(stale.text).toContain('<Enqueue');
        expect(stale.text).not.toContain('<Client');
      } finally {
        t.clock.set(WEDNESDAY_10_00);
      }
    });

    it("calls a citizen back from the browser: the ticket's number is dialled by Twilio, never sent to the browser, the read logged", async () => {
      const created = await as(agent)
        .post('/tickets', ticketInput({ citizen: { fullName: 'Geri Aranan', phone: '0532 444 55 66' } }))
        .expect(201);
      expect(JSON.stringify(created.body)).not.toContain('5324445566');
      const params = { CallSid: `CA${'7'.repeat(32)}`, From: `client:agent-${agent.id}`, To: '', ticketId: created.body.id };
      const res = await hook('client', params).expect(200);
      expect(res.text).toBe(
        `<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="${CALLER_ID}" answerOnBridge="true" timeout="40"><Number>+905324445566</Number></Dial></Response>`,
      );
      const logged = await t.dataSource.query('SELECT user_id, purpose FROM pii_access_log WHERE purpose LIKE $1', [`%${created.body.trackingNo}%`]);
      expect(logged).toEqual([{ user_id: agent.id, purpose: `ticket ${created.body.trackingNo}: geri arama` }]);

      // Not a call-centre softphone, an informant's ticket, a ticket that is not there: nothing dialled, nothing read.
      const staff = await loginAs(t, 'department-staff');
      expect((await hook('client', { ...params, From: `client:agent-${staff.id}` }).expect(200)).text).not.toContain('<Dial');
      const ihbar = await as(agent)
        .post('/tickets', ticketInput({ kind: 'ihbar', citizen: { fullName: 'Muhbir Kişi', phone: '0532 444 55 77' } }))
        .expect(201);
      const refused = await hook('client', { ...params, ticketId: ihbar.body.id }).expect(200);
      expect(refused.text).toContain('<Hangup/>');
      expect(refused.text).not.toContain('5324445577');
      expect((await hook('client', { ...params, ticketId: '00000000-0000-4000-8000-000000000000' }).expect(200)).text).not.toContain('<Dial');
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM pii_access_log WHERE user_id = ANY($1)', [[agent.id, staff.id]])).at(0).n).toBe(1);
      const noTicket = await hook('client', { CallSid: params.CallSid, From: params.From }).expect(400);
      expect(noTicket.body.details[0].field).toBe('ticketId');
      await hook('client', params, 'forged').expect(403);
    });

    it("transfers a live call through Twilio's REST API to a colleague's softphone or a department's switchboard, on the call log", async () => {
      const call = callParams('+905331118877');
      await hook('incoming', call).expect(200);
      await t.dataSource.query(`UPDATE call_logs SET agent_id = $2, status = 'in-progress', status_rank = 2 WHERE call_sid = $1`, [call.CallSid, agent.id]);

      const res = await as(agent).post(`/calls/${call.CallSid}/transfer`, { toUserId: colleague.id }).expect(200);
      expect(res.body).toMatchObject({ callSid: call.CallSid, toUserId: colleague.id, departmentId: null, redirected: true });
      expect(twilio.callUpdates.at(-1)).toMatchObject({ callSid: call.CallSid });
      expect(twilio.callUpdates.at(-1)!.twiml).toContain(
        `<Client url="${BASE}/connected?agentId=${colleague.id}" method="POST">agent-${colleague.id}</Client>`,
      );
      expect(await callLog(call.CallSid)).toMatchObject({ transferred_to_user_id: colleague.id, transferred_by_id: agent.id, transfer_redirected: true });

      const fen = await idByCode(t.dataSource, 'departments', 'FEN');
      const supervisor = await loginAs(t, 'supervisor');
      await as(supervisor).post(`/calls/${call.CallSid}/transfer`, { departmentId: fen }).expect(200);
      expect(twilio.callUpdates.at(-1)!.twiml).toContain('<Number>+902124440100</Number>');
      expect(await callLog(call.CallSid)).toMatchObject({ transferred_to_department_id: fen, transferred_to_user_id: null, transferred_by_id: supervisor.id });

      // Twilio refusing (the caller hung up meanwhile): a conflict, and nothing recorded.
      twilio.refuseNext(404, 20404, 'The requested resource was not found');
      const gone = await as(supervisor).post(`/calls/${call.CallSid}/transfer`, { toUserId: colleague.id }).expect(409);
      expect(gone.body.code).toBe('VOICE_CALL_NOT_LIVE');
      expect((await callLog(call.CallSid)).transferred_to_department_id).toBe(fen);
      // A department without a switchboard number cannot take a live call.
      const park = await idByCode(t.dataSource, 'departments', 'PARK');
      await t.dataSource.query('UPDATE departments SET phone = NULL WHERE id = $1', [park]);
      expect((await as(supervisor).post(`/calls/${call.CallSid}/transfer`, { departmentId: park }).expect(409)).body.code).toBe(
        'VOICE_DEPARTMENT_HAS_NO_PHONE',
      );

      // Another agent's call is not theirs to move; one target, and a real one, named when wrong.
      await as(colleague).post(`/calls/${call.CallSid}/transfer`, { toUserId: agent.id }).expect(404);
      const both = await as(agent).post(`/calls/${call.CallSid}/transfer`, { toUserId: colleague.id, departmentId: fen }).expect(400);
      expect(both.body.details[0].field).toBe('departmentId');
      expect((await as(agent).post(`/calls/${call.CallSid}/transfer`, {}).expect(400)).body.details[0].field).toBe('toUserId');
      const staff = await loginAs(t, 'department-staff');
      expect((await as(agent).post(`/calls/${call.CallSid}/transfer`, { toUserId: staff.id }).expect(400)).body.details[0].field).toBe('toUserId');
      await as(staff).post(`/calls/${call.CallSid}/transfer`, { toUserId: agent.id }).expect(403);
      await as(agent).post('/calls/CAnope/transfer', { toUserId: colleague.id }).expect(404);
    });
  });
});
