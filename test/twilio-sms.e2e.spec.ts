import { getExpectedTwilioSignature } from 'twilio';
import { createTestApp, TestApp, waitFor } from '@app/testing';

const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const URL = `${PUBLIC_URL}/api/v1/channels/twilio/sms`;

/** Twilio's inbound SMS webhook, signed the way Twilio signs it (the twilio library's own function). */
describe('SMS from Twilio', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL } });
  });
  afterAll(() => t.close());

  const smsParams = (body: string, from = '+905321112233') => {
    seq += 1;
    return { MessageSid: `SM${String(seq).padStart(32, '0')}`, AccountSid: `AC${'0'.repeat(32)}`, From: from, To: '+908502220444', Body: body, NumMedia: '0' };
  };
  const post = (params: Record<string, string>, signature: string | null) => {
    const req = t.http().post('/api/v1/channels/twilio/sms').type('form');
    if (signature !== null) req.set('X-Twilio-Signature', signature);
    return req.send(params);
  };
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('turns a signed SMS into a routed ticket, answers empty TwiML, and stores a retry of it once', async () => {
    const params = smsParams('Mahallemizde çöpler üç gündür toplanmadı');
    const res = await post(params, getExpectedTwilioSignature(TOKEN, URL, params)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const ticket = await waitFor('the ticket routed', async () => {
      const [row] = await t.dataSource.query(
        `SELECT t.channel, d.code AS department, c.phone FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id
           JOIN departments d ON d.id = t.department_id JOIN citizens c ON c.id = t.citizen_id WHERE e.provider_id = $1`,
        [params.MessageSid],
      );
      return row;
    });
    expect(ticket).toEqual({ channel: 'sms', department: 'TEMIZLIK', phone: '+905321112233' });

    // Twilio retries when it does not hear back in time: same MessageSid, same signature.
    await post(params, getExpectedTwilioSignature(TOKEN, URL, params)).expect(200);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM inbound_events WHERE provider_id = $1', [params.MessageSid]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses a forged, missing or wrong-URL signature with 403 and stores nothing', async () => {
    const [events, tickets] = [await count('inbound_events'), await count('tickets')];
    const params = smsParams('Sahte mesaj');
    const forged = await post(params, getExpectedTwilioSignature('another-accounts-token-000000', URL, params)).expect(403);
    expect(forged.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: 'Twilio imzası geçersiz' });
    await post(params, null).expect(403);
    // Signed for the address the app sees, not the public one Twilio called: behind a proxy this must fail.
    await post(params, getExpectedTwilioSignature(TOKEN, 'http://127.0.0.1/api/v1/channels/twilio/sms', params)).expect(403);
    // A parameter changed after signing.
    await post({ ...params, Body: 'Değiştirilmiş' }, getExpectedTwilioSignature(TOKEN, URL, params)).expect(403);
    expect([await count('inbound_events'), await count('tickets')]).toEqual([events, tickets]);
  });

  it('names the missing MessageSid in a signed request', async () => {
    const { MessageSid: _none, ...params } = smsParams('Kimliksiz mesaj');
    const res = await post(params, getExpectedTwilioSignature(TOKEN, URL, params)).expect(400);
    expect(res.body.details).toEqual([{ field: 'MessageSid', message: 'MessageSid: Twilio mesaj kimliği yok' }]);
  });
});

describe('SMS webhook without a Twilio account configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 naming the missing setting, and stores nothing', async () => {
    const params = { MessageSid: `SM${'9'.repeat(32)}`, From: '+905321112233', Body: 'Merhaba' };
    const res = await t.http().post('/api/v1/channels/twilio/sms').type('form').set('X-Twilio-Signature', 'anything').send(params).expect(503);
    expect(res.body).toMatchObject({ code: 'TWILIO_NOT_CONFIGURED', message: 'Twilio bağlı değil (TWILIO_AUTH_TOKEN tanımlı değil)' });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM inbound_events'))[0].n).toBe(0);
  });
});
