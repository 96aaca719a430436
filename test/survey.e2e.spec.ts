import { getExpectedTwilioSignature } from 'twilio';
import { createTestApp, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const NOON = new Date('2026-11-25T09:00:00Z'); // 12:00 in Istanbul, outside the quiet hours

/**
 * Satisfaction after a resolution: the question by SMS (recorded by the local SMS sender), the
 * answer by SMS reply through the signed Twilio webhook or on the /anket page, and a reopen for a
 * supervisor when it went badly.
 */
describe('satisfaction surveys', () => {
  let t: TestApp;
  let supervisor: Staff;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ now: NOON, env: { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL, SURVEY_DELAY_MINUTES: '0' } });
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  const api = {
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${supervisor.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${supervisor.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${supervisor.token}`).send(body),
  };
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  /** An SMS through the signed webhook; resolves when intake has processed it. */
  async function smsIn(body: string, from: string): Promise<{ ticketId: string }> {
    seq += 1;
    const params = {
      MessageSid: `SM${String(seq).padStart(32, '0')}`,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: from,
      To: '+908502220444',
      Body: body,
      NumMedia: '0',
    };
    const url = `${PUBLIC_URL}/api/v1/channels/twilio/sms`;
    await t
      .http()
      .post('/api/v1/channels/twilio/sms')
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TOKEN, url, params))
      .send(params)
      .expect(200);
    const [event] = await waitFor('the SMS processed', async () =>
      (await q(`SELECT state, ticket_id AS "ticketId" FROM inbound_events WHERE provider_id = $1 AND state = 'processed'`, [params.MessageSid])).length
        ? q(`SELECT ticket_id AS "ticketId" FROM inbound_events WHERE provider_id = $1`, [params.MessageSid])
        : null,
    );
    return event;
  }

  async function setStatus(ticketId: string, change: object): Promise<void> {
    const current = (await api.get(`/tickets/${ticketId}`).expect(200)).body;
    await api.post(`/tickets/${ticketId}/status`, { version: current.version, ...change }).expect(200);
  }

  /** A citizen's ticket by SMS, answered by the department; `consent` = survey consent recorded at the desk. */
  async function answeredTicket(phone: string, consent: boolean): Promise<string> {
    const { ticketId } = await smsIn('Parktaki salıncak kırık, çocuklar için tehlikeli', phone);
    const [{ citizen_id }] = await q('SELECT citizen_id FROM tickets WHERE id = $1', [ticketId]);
    if (consent) await api.patch(`/citizens/${citizen_id}/preferences`, { marketingConsent: true }).expect(200);
    await setStatus(ticketId, { status: 'answered', note: 'Salıncak onarıldı.' });
    return ticketId;
  }

  const surveyMessages = (ticketId: string) =>
    q(`SELECT channel, recipient, state, body FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'survey' ORDER BY created_at`, [ticketId]);
  const surveysOf = (ticketId: string) =>
    q(`SELECT token, channel, round, score, solved, comment, answered_via, reopened, answered_at FROM ticket_surveys WHERE ticket_id = $1 ORDER BY round`, [
      ticketId,
    ]);
  const ticketOf = async (ticketId: string) => (await q('SELECT status, needs_review FROM tickets WHERE id = $1', [ticketId]))[0];
  const ticketsOfPhone = async (phone: string) =>
    (await q('SELECT count(*)::int AS n FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE c.phone = $1', [phone]))[0].n;

  it('asks a consenting citizen once, by SMS, when the ticket is answered, and not again when it is closed', async () => {
    const phone = '+905321120001';
    const ticketId = await answeredTicket(phone, true);
    await setStatus(ticketId, { status: 'closed' });
    const [message] = await waitFor('the survey sent', async () => {
      const rows = await surveyMessages(ticketId);
      return rows[0]?.state === 'sent' ? rows : null;
    });
    const [survey] = await surveysOf(ticketId);
    expect(await surveyMessages(ticketId)).toHaveLength(1);
    expect(message).toMatchObject({ channel: 'sms', recipient: phone });
    expect(message.body).toContain('Bu mesaja 1-5 arası bir puanla yanıt verin (5 çok iyi); sorununuz çözülmediyse 0 yazın.');
    expect(message.body).toContain(`${PUBLIC_URL}/anket/${survey.token}`);
    expect(survey.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(survey).toMatchObject({ channel: 'sms', round: 0, answered_at: null });
  });

  it('records an SMS reply "5" as the score, opens no ticket, and keeps the first answer over a second', async () => {
    const phone = '+905321120002';
    const ticketId = await answeredTicket(phone, true);
    await waitFor('the survey sent', async () => (await surveyMessages(ticketId))[0]?.state === 'sent');
    const reply = await smsIn('5', phone);
    expect(reply.ticketId).toBe(ticketId);
    expect(await surveysOf(ticketId)).toMatchObject([{ score: 5, solved: null, answered_via: 'sms', reopened: false }]);
    expect(await ticketsOfPhone(phone)).toBe(1);
    expect(await ticketOf(ticketId)).toEqual({ status: 'answered', needs_review: false });

    await smsIn('1 çözülmedi', phone);
    expect(await surveysOf(ticketId)).toMatchObject([{ score: 5, answered_via: 'sms', reopened: false }]);
    expect(await ticketOf(ticketId)).toEqual({ status: 'answered', needs_review: false });
    expect(await ticketsOfPhone(phone)).toBe(1);
    const { timeline } = (await api.get(`/tickets/${ticketId}`).expect(200)).body;
    const answers = timeline.filter((e: { type: string }) => e.type === 'survey_answered');
    expect(answers.map((e: { data: object }) => e.data)).toEqual([
      expect.objectContaining({ score: 5, via: 'sms' }),
      expect.objectContaining({ ignored: 'already_answered' }),
    ]);

    // Not an answer: an ordinary message that starts with a number opens a new application.
    await smsIn('5 gündür sokağımızda su yok', phone);
    expect(await ticketsOfPhone(phone)).toBe(2);
  });

  it('reopens the ticket for a supervisor on "1", and asks again after the next answer', async () => {
    const phone = '+905321120003';
    const ticketId = await answeredTicket(phone, true);
    await waitFor('the survey sent', async () => (await surveyMessages(ticketId))[0]?.state === 'sent');
    await smsIn('1', phone);
    expect(await ticketOf(ticketId)).toEqual({ status: 'reopened', needs_review: true });
    expect(await surveysOf(ticketId)).toMatchObject([{ score: 1, reopened: true }]);
    expect(await ticketsOfPhone(phone)).toBe(1);

    const review = (await api.get('/tickets?needsReview=true').expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(review).toContain(ticketId);
    const { timeline } = (await api.get(`/tickets/${ticketId}`).expect(200)).body;
    const reopen = timeline.find((e: { type: string; data: { to?: string } }) => e.type === 'status_changed' && e.data.to === 'reopened');
    expect(reopen.data).toMatchObject({ from: 'answered', reason: 'survey_low_score', score: 1 });

    // The supervisor's next decision clears the marker; the new answer is a new resolution, asked again.
    await setStatus(ticketId, { status: 'answered', note: 'Ekip yeniden gönderildi, salıncak değiştirildi.' });
    expect(await ticketOf(ticketId)).toEqual({ status: 'answered', needs_review: false });
    await waitFor('the second survey', async () => (await surveyMessages(ticketId)).length === 2);
    expect((await surveysOf(ticketId)).map((s: { round: number }) => s.round)).toEqual([0, 1]);
  });

  it('reopens on "çözülmedi" with the score left empty', async () => {
    const phone = '+905321120004';
    const ticketId = await answeredTicket(phone, true);
    await setStatus(ticketId, { status: 'closed' });
    await waitFor('the survey sent', async () => (await surveyMessages(ticketId))[0]?.state === 'sent');
    await smsIn('Çözülmedi, salıncak hâlâ kırık', phone);
    expect(await ticketOf(ticketId)).toEqual({ status: 'reopened', needs_review: true });
    expect(await surveysOf(ticketId)).toMatchObject([{ score: null, solved: false, comment: 'salıncak hâlâ kırık', reopened: true }]);
    expect(await ticketsOfPhone(phone)).toBe(1);
  });

  it('asks nothing of a citizen without survey consent, and their "5" is an ordinary message', async () => {
    const phone = '+905321120005';
    const ticketId = await answeredTicket(phone, false);
    await setStatus(ticketId, { status: 'closed' });
    // The answer notice goes; a survey would be written in the same transaction.
    await waitFor(
      'the answer sent',
      async () => (await q(`SELECT 1 FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'answered' AND state = 'sent'`, [ticketId])).length,
    );
    expect(await surveyMessages(ticketId)).toEqual([]);
    expect(await surveysOf(ticketId)).toEqual([]);
    await smsIn('5', phone);
    expect(await ticketsOfPhone(phone)).toBe(2);
  });

  it('takes one answer on the /anket page, naming a wrong field and refusing an unknown token', async () => {
    const phone = '+905321120006';
    const ticketId = await answeredTicket(phone, true);
    const [{ token }] = await waitFor('the survey', async () => ((await surveysOf(ticketId)).length ? surveysOf(ticketId) : null));

    const page = await t.http().get(`/anket/${token}`).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Memnuniyet anketi');
    await t
      .http()
      .get('/anket/anket.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await t
      .http()
      .get(`/anket/${'x'.repeat(24)}`)
      .expect(404);

    const shown = await t.http().get(`/api/v1/public/surveys/${token}`).expect(200);
    expect(shown.body).toMatchObject({ answered: false, score: null });
    expect(shown.body.trackingNo).toMatch(/^\d{4}-\d{6}$/);

    const seven = await t.http().post(`/api/v1/public/surveys/${token}`).send({ score: 7 }).expect(400);
    expect(seven.body.details).toEqual([{ field: 'score', message: 'Puan (score): 1 ile 5 arasında bir tam sayı olmalı' }]);
    const unknown = await t
      .http()
      .post(`/api/v1/public/surveys/${'A'.repeat(24)}`)
      .send({ score: 4 })
      .expect(404);
    expect(unknown.body.code).toBe('SURVEY_NOT_FOUND');

    const saved = await t.http().post(`/api/v1/public/surveys/${token}`).send({ score: 4, solved: true, comment: 'Hızlıydınız' }).expect(200);
    expect(saved.body).toMatchObject({ answered: true, score: 4, solved: true, reopened: false });
    const again = await t.http().post(`/api/v1/public/surveys/${token}`).send({ score: 1, solved: false }).expect(409);
    expect(again.body.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect(await surveysOf(ticketId)).toMatchObject([{ score: 4, solved: true, comment: 'Hızlıydınız', answered_via: 'link' }]);
    expect(await ticketOf(ticketId)).toEqual({ status: 'answered', needs_review: false });
  });

  it('sums the answers up for reports: asked, answered, average and distribution per month', async () => {
    const report = (await api.get('/reports/satisfaction?groupBy=month&from=2026-11-01&to=2026-12-01').expect(200)).body;
    // Asked: the six surveys above (one ticket twice); answered: "5", "1", "çözülmedi" and the page's 4.
    expect(report.groups).toEqual([
      {
        key: '2026-11',
        name: '2026-11',
        asked: 6,
        answered: 4,
        average: 3.33,
        distribution: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 1 },
        notSolved: 1,
        reopened: 2,
      },
    ]);
    const bad = await api.get('/reports/satisfaction?groupBy=mahalle').expect(400);
    expect(bad.body.details[0].field).toBe('groupBy');
  });

  it('holds the survey over the quiet hours, and reads replies only within the window after it went out', async () => {
    t.clock.set(new Date('2026-11-25T19:30:00Z')); // 22:30 in Istanbul
    const phone = '+905321120007';
    const ticketId = await answeredTicket(phone, true);
    const morning = new Date('2026-11-26T05:00:00Z'); // 08:00 in Istanbul
    const [held] = await q(`SELECT state, not_before FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'survey'`, [ticketId]);
    expect(held).toEqual({ state: 'pending', not_before: morning });
    expect((await q('SELECT asked_at FROM ticket_surveys WHERE ticket_id = $1', [ticketId]))[0].asked_at).toEqual(morning);

    t.clock.set(new Date(morning.getTime() + 3600_000));
    await smsIn('4 teşekkürler', phone);
    expect(await surveysOf(ticketId)).toMatchObject([{ score: 4, comment: 'teşekkürler' }]);

    const late = '+905321120008';
    const lateTicket = await answeredTicket(late, true);
    t.clock.advance(73 * 3600_000); // past SURVEY_REPLY_WINDOW_HOURS (72)
    await smsIn('5', late);
    expect(await surveysOf(lateTicket)).toMatchObject([{ answered_at: null }]);
    expect(await ticketsOfPhone(late)).toBe(2);
  });
});
