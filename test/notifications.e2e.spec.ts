import { getExpectedTwilioSignature } from 'twilio';
import { SendMessageProcessor } from '../src/modules/notifications/send-message.processor';
import { createTestApp, FakeTwilioApi, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const ACCOUNT = `AC${'a1'.repeat(16)}`;
const TOKEN = 'test-twilio-auth-token-0123456789';
const FROM = '+908502220444';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const NOON = new Date('2026-11-25T09:00:00Z'); // 12:00 in Istanbul, outside the quiet hours

/**
 * What citizens hear back, sent through Twilio's REST API (a stand-in on loopback that the
 * twilio library talks to), with Twilio's signed delivery callbacks.
 */
describe('citizen notifications over Twilio SMS', () => {
  const twilio = new FakeTwilioApi(ACCOUNT, TOKEN);
  let t: TestApp;
  let supervisor: Staff;
  let seq = 0;

  beforeAll(async () => {
    const api = await twilio.start();
    t = await createTestApp({
      now: NOON,
      env: { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_SMS_FROM: FROM, TWILIO_API_URL: api, PUBLIC_URL },
    });
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
    await twilio.stop();
  });

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  const signedPost = (path: string, params: Record<string, string>) =>
    t
      .http()
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}${path}`, params))
      .send(params);

  /** A citizen's SMS through the signed webhook; resolves to the ticket it made. */
  async function smsIn(body: string, from: string) {
    seq += 1;
    const sid = `SM${String(seq).padStart(32, '0')}`;
    await signedPost('/api/v1/channels/twilio/sms', { MessageSid: sid, AccountSid: ACCOUNT, From: from, To: FROM, Body: body }).expect(200);
    return waitFor('the ticket', async () => {
      const [row] = await t.dataSource.query(
        `SELECT t.id, t.tracking_no, t.version, t.citizen_id FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.provider_id = $1`,
        [sid],
      );
      return row;
    });
  }
  const messagesOf = (ticketId: string) =>
    t.dataSource.query(
      `SELECT id, purpose, channel, recipient, state, provider_id, body, attempts, last_error FROM outbound_messages WHERE ticket_id = $1 ORDER BY created_at`,
      [ticketId],
    );
  const sentTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);

  it('tells the citizen their tracking number by SMS, once, and follows the delivery reports forward only', async () => {
    const phone = '+905321110001';
    const ticket = await smsIn('Sokağımızdaki çöpler toplanmadı', phone);
    const [receipt] = await waitFor('the receipt sent', async () => {
      const rows = await messagesOf(ticket.id);
      return rows[0]?.state === 'sent' ? rows : undefined;
    });
    expect(receipt).toMatchObject({ purpose: 'received', channel: 'sms', recipient: phone, attempts: 1 });
    const [sms] = sentTo(phone);
    expect(sentTo(phone)).toHaveLength(1);
    expect(sms).toMatchObject({ from: FROM, sid: receipt.provider_id });
    expect(sms.body).toContain(`Başvuru numaranız: ${ticket.tracking_no}`);
    expect(sms.body).toContain(`${PUBLIC_URL}/basvuru/durum?no=${ticket.tracking_no}`);
    expect(sms.statusCallback).toBe(`${PUBLIC_URL}/api/v1/channels/twilio/sms-status?m=${receipt.id}`);

    const callbackPath = `/api/v1/channels/twilio/sms-status?m=${receipt.id}`;
    const report = (status: string) => ({ MessageSid: sms.sid, MessageStatus: status, AccountSid: ACCOUNT, To: phone, From: FROM });
    await signedPost(callbackPath, report('delivered')).expect(204);
    await signedPost(callbackPath, report('sent')).expect(204); // late and out of order
    const [after] = await messagesOf(ticket.id);
    expect(after.state).toBe('delivered');

    const forged = await t.http().post(callbackPath).type('form').set('X-Twilio-Signature', 'Zm9yZ2Vk').send(report('failed'));
    expect(forged.status).toBe(403);
    expect((await messagesOf(ticket.id))[0].state).toBe('delivered');
  });

  it("sends the department's answer once, in Turkish, on the citizen's SMS number", async () => {
    const phone = '+905321110002';
    const ticket = await smsIn('Parktaki salıncak kırık', phone);
    await waitFor('the receipt sent', async () => sentTo(phone).length === 1 || undefined);
    const current = (await as(supervisor).get(`/tickets/${ticket.id}`).expect(200)).body;
    const answer = { version: current.version, status: 'answered', note: 'Salıncak onarıldı, ilginiz için teşekkür ederiz.' };
    await as(supervisor).post(`/tickets/${ticket.id}/status`, answer).expect(200);
    await as(supervisor).post(`/tickets/${ticket.id}/status`, answer).expect(409); // a double click: stale version
    await waitFor('the answer sent', async () => sentTo(phone).length === 2 || undefined);
    const answered = sentTo(phone)[1];
    expect(answered.body).toBe(
      `${ticket.tracking_no} numaralı başvurunuz yanıtlandı: Salıncak onarıldı, ilginiz için teşekkür ederiz.\nDurum: ${PUBLIC_URL}/basvuru/durum?no=${ticket.tracking_no} — Örnek Belediyesi`,
    );
    const purposes = (await messagesOf(ticket.id)).map((m: { purpose: string }) => m.purpose);
    expect(purposes).toEqual(['received', 'answered']);
  });

  it('sends nothing at all to a citizen who opted out', async () => {
    const phone = '+905321110003';
    const first = await smsIn('Kaldırım taşı kırık, üç gündür yürünmüyor', phone);
    await waitFor('the receipt sent', async () => sentTo(phone).length === 1 || undefined);
    await as(supervisor).patch(`/citizens/${first.citizen_id}/preferences`, { optedOut: true }).expect(200);
    const current = (await as(supervisor).get(`/tickets/${first.id}`).expect(200)).body;
    await as(supervisor).post(`/tickets/${first.id}/status`, { version: current.version, status: 'rejected', reason: 'Görev alanımız dışında' }).expect(200);
    await as(supervisor).post(`/tickets/${first.id}/entries`, { type: 'reply', body: 'Ek bilgi' }).expect(201);
    // Let the queue settle: a message would be sent within this time if one had been written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(phone)).toHaveLength(1);
    expect((await messagesOf(first.id)).map((m: { purpose: string }) => m.purpose)).toEqual(['received']);
  });

  it('sends the messages of one job: e-mails (the local outbox) read and marked together, SMS each with its own claim; each once', async () => {
    const processor = t.app.get(SendMessageProcessor);
    const pending = async (key: string, channel: 'sms' | 'email', recipient: string, notBefore: Date) => {
      const [row] = await t.dataSource.query(
        `INSERT INTO outbound_messages (dedupe_key, channel, recipient, purpose, body, not_before) VALUES ($1, $2, $3, 'reply', $4, $5) RETURNING id`,
        [`batch-${key}`, channel, recipient, `Yanıt ${key}`, notBefore],
      );
      return row.id as string;
    };
    const due = new Date(NOON.getTime() - 60_000);
    const ids = [
      await pending('a', 'email', 'a@example.com', due),
      await pending('b', 'sms', '+905321110009', due),
      await pending('c', 'email', 'c@example.com', due),
      await pending('d', 'email', 'd@example.com', new Date(NOON.getTime() + 3_600_000)),
      '00000000-0000-4000-8000-000000000000',
    ];
    expect(await processor.handle({ messageIds: ids })).toEqual({ sent: 3, early: 1, stale: 1 });
    expect(await processor.handle({ messageIds: ids })).toEqual({ early: 1, stale: 4 });
    expect(sentTo('+905321110009')).toHaveLength(1);
    const rows = await t.dataSource.query('SELECT id, state, provider, provider_id, attempts FROM outbound_messages WHERE id = ANY($1) ORDER BY dedupe_key', [
      ids.slice(0, 4),
    ]);
    expect(rows).toEqual([
      { id: ids[0], state: 'sent', provider: 'local', provider_id: `local-${ids[0]}`, attempts: 1 },
      { id: ids[1], state: 'sent', provider: 'twilio', provider_id: expect.stringMatching(/^SM/), attempts: 1 },
      { id: ids[2], state: 'sent', provider: 'local', provider_id: `local-${ids[2]}`, attempts: 1 },
      { id: ids[3], state: 'pending', provider: null, provider_id: null, attempts: 0 },
    ]);
  });

  it('after a crash between the intent and the provider call, sends exactly one message', async () => {
    const phone = '+905321110004';
    const ticket = await smsIn('Kaldırım taşları yerinden çıkmış', phone);
    await waitFor('the receipt sent', async () => sentTo(phone).length === 1 || undefined);
    const processor = t.app.get(SendMessageProcessor);
    const crashed = async (body: string) => {
      // The state a worker leaves when it dies after claiming the message, before or during the call.
      const [row] = await t.dataSource.query(
        `INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, purpose, body, state, attempts, not_before, provider, updated_at)
         VALUES ($1, 'sms', $2, $3, 'reply', $4, 'sending', 1, $5, 'twilio', $5) RETURNING id`,
        [`crash-${body}`, phone, ticket.id, body, new Date(NOON.getTime() - 120_000)],
      );
      return row.id as string;
    };

    const neverReached = await crashed('Birinci yanıt');
    expect(await processor.send(neverReached)).toBe('sent');
    expect(await processor.send(neverReached)).toBe('stale');
    expect(sentTo(phone).filter((m) => m.body === 'Birinci yanıt')).toHaveLength(1);

    // Twilio got the second one before the worker died: it is adopted, not sent again.
    const reached = await crashed('İkinci yanıt');
    const atTwilio = twilio.add(phone, 'İkinci yanıt');
    expect(await processor.send(reached)).toBe('recovered');
    expect(sentTo(phone).filter((m) => m.body === 'İkinci yanıt')).toHaveLength(1);
    const [row] = await t.dataSource.query('SELECT state, provider_id FROM outbound_messages WHERE id = $1', [reached]);
    expect(row).toEqual({ state: 'sent', provider_id: atTwilio.sid });
  });

  it('gives up at once on a number Twilio refuses, shows it to admins, and sends it again on request', async () => {
    const admin = await loginAs(t, 'admin');
    twilio.refuseNext(400, 21211, "The 'To' number is not a valid phone number.");
    const phone = '+905321110005';
    const ticket = await smsIn('Otobüs durağının camı kırık', phone);
    const [failed] = await waitFor('the receipt failed', async () => {
      const rows = await messagesOf(ticket.id);
      return rows[0]?.state === 'failed' ? rows : undefined;
    });
    expect(failed.last_error).toMatch(/^Twilio 21211/);
    const list = await as(admin).get('/outbound-messages?state=failed').expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(failed.id);
    expect(list.body.items.find((m: { id: string }) => m.id === failed.id).recipient).toBe('+90 5** *** ** 05');
    await as(supervisor).post(`/outbound-messages/${failed.id}/retry`, {}).expect(403);
    await as(admin).post(`/outbound-messages/${failed.id}/retry`, {}).expect(200);
    await waitFor('sent on the second try', async () => (await messagesOf(ticket.id))[0].state === 'sent' || undefined);
    expect(sentTo(phone)).toHaveLength(1);
    await as(admin).post(`/outbound-messages/${failed.id}/retry`, {}).expect(409);
  });

  it('tells the citizen of a rejection with its reason and of a referral with the institution, once each', async () => {
    const rejectedPhone = '+905321110006';
    const rejected = await smsIn('Komşumun ağacı bahçeme sarkıyor', rejectedPhone);
    await waitFor('the receipt sent', async () => sentTo(rejectedPhone).length === 1 || undefined);
    let current = (await as(supervisor).get(`/tickets/${rejected.id}`).expect(200)).body;
    await as(supervisor)
      .post(`/tickets/${rejected.id}/status`, { version: current.version, status: 'rejected', reason: 'Özel mülk içinde, belediyenin görev alanı dışında' })
      .expect(200);
    await waitFor('the rejection sent', async () => sentTo(rejectedPhone).length === 2 || undefined);
    expect(sentTo(rejectedPhone)[1].body).toBe(
      `${rejected.tracking_no} numaralı başvurunuz karşılanamadı. Gerekçe: Özel mülk içinde, belediyenin görev alanı dışında — Örnek Belediyesi`,
    );

    const referredPhone = '+905321110007';
    const referred = await smsIn('Binamızın önündeki yol çökmüş', referredPhone);
    await waitFor('the receipt sent', async () => sentTo(referredPhone).length === 1 || undefined);
    current = (await as(supervisor).get(`/tickets/${referred.id}`).expect(200)).body;
    const institutionId = await idByCode(t.dataSource, 'institutions', 'BUYUKSEHIR');
    await as(supervisor)
      .post(`/tickets/${referred.id}/status`, { version: current.version, status: 'referred', institutionId, reason: 'Ana arter büyükşehrin sorumluluğunda' })
      .expect(200);
    await waitFor('the referral sent', async () => sentTo(referredPhone).length === 2 || undefined);
    expect(sentTo(referredPhone)[1].body).toMatch(
      new RegExp(
        `^${referred.tracking_no} numaralı başvurunuz yetkili kuruma, .+ kurumuna iletildi\\. Ana arter büyükşehrin sorumluluğunda — Örnek Belediyesi$`,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([sentTo(rejectedPhone).length, sentTo(referredPhone).length]).toEqual([2, 2]);
  });

  it("uses the municipality's own wording, checked when it is saved", async () => {
    const admin = await loginAs(t, 'admin');
    const put = (body: object) => t.http().put('/api/v1/notice-templates/received/tr').set('Authorization', `Bearer ${admin.token}`).send(body);
    const unknown = await put({ subject: 'Başvurunuz alındı', body: 'Sayın {citizenName}, başvurunuz {trackingNo} alındı.' }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'body', message: expect.stringContaining('bilinmeyen alan {citizenName}') }]);
    await t
      .http()
      .put('/api/v1/notice-templates/thanked/tr')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ subject: 'x'.repeat(5), body: 'y'.repeat(5) })
      .expect(400)
      .expect(({ body }) => expect(body.details[0].field).toBe('purpose'));
    await t
      .http()
      .put('/api/v1/notice-templates/received/tr')
      .set('Authorization', `Bearer ${supervisor.token}`)
      .send({ subject: 'Başvuru', body: 'Numara {trackingNo}' })
      .expect(403);
    await put({ subject: '{trackingNo} alındı', body: 'Başvurunuz {trackingNo} numarasıyla kayda alındı. {municipality} Çözüm Masası' }).expect(200);

    const phone = '+905321110008';
    const ticket = await smsIn('Parkın bankları kırık', phone);
    await waitFor('the receipt sent', async () => sentTo(phone).length === 1 || undefined);
    expect(sentTo(phone)[0].body).toBe(`Başvurunuz ${ticket.tracking_no} numarasıyla kayda alındı. Örnek Belediyesi Çözüm Masası`);
    await t.http().delete('/api/v1/notice-templates/received/tr').set('Authorization', `Bearer ${admin.token}`).expect(204);
  });
});
