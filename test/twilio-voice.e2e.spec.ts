import { getExpectedTwilioSignature } from 'twilio';
import { createTestApp, loginAs, TestApp, ticketInput, waitFor } from '@app/testing';

const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const WEDNESDAY_10_00 = new Date('2026-11-25T07:00:00Z');
const SATURDAY_12_00 = new Date('2026-11-28T09:00:00Z');

/** Twilio Voice webhooks, signed with the twilio library's own function, for each branch of the 444 menu. */
describe('the 444 line on Twilio Voice', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL, VOICE_QUEUE_WAIT_SECONDS: '60' }, now: WEDNESDAY_10_00 });
  });
  afterAll(() => t.close());

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
});
