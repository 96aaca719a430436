import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio';
import { localDateOf } from '@app/calendar';
import {
  ApiProcess,
  buildService,
  createTestApp,
  FakeTwilioApi,
  loginAs,
  SmtpCapture,
  Staff,
  startApiProcess,
  startWorkerProcess,
  TestApp,
  waitFor,
  WorkerProcess,
} from '@app/testing';

const ACCOUNT = `AC${'b2'.repeat(16)}`;
const TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const SMS_URL = `${PUBLIC_URL}/api/v1/channels/twilio/sms`;
const SMS_PER_API = 12;
const FORMS_PER_API = 4;
const EVENTS = 2 * (SMS_PER_API + FORMS_PER_API);
// What a worker logs when it holds the WhatsApp lease and its client fails to start (no browser here).
const CLIENT_STARTED = 'WhatsApp client down; rebuilding';

/**
 * Two API and two worker processes of the built service on one database and one Redis prefix,
 * as a deployment with replicas runs them. Citizens' SMS (signed Twilio webhooks, each retried
 * to the other API) and web forms come in through both APIs at once; deadlines are made due in
 * the database (the processes run on the real clock), twice, so both timers race for each step;
 * the outbox sends through a Twilio stand-in and an SMTP capture. Then: one ticket per event,
 * routed once, one escalation per clock and level with its notices, every message sent once, the
 * reports' read model folded by both workers equal to the tickets, and one WhatsApp client.
 */
describe('two API and two worker processes at once', () => {
  const twilio = new FakeTwilioApi(ACCOUNT, TOKEN);
  const smtp = new SmtpCapture();
  let t: TestApp;
  let executive: Staff;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const today = localDateOf(new Date());

  beforeAll(async () => {
    buildService();
    await smtp.start();
    const env = {
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_SMS_FROM: '+908502220444',
      TWILIO_API_URL: await twilio.start(),
      EMAIL_PROVIDER: 'smtp',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'cozum@ornek.bel.tr',
      PUBLIC_URL,
      TRUST_PROXY: 'loopback',
      WEB_FORM_RATE_LIMIT: '1000',
      // Receipts go at once whatever the hour the suite runs at.
      NOTIFY_QUIET_HOURS: '00:00-00:00',
      SLA_TICK_MS: '200',
      SWEEP_INTERVAL_MS: '1000',
      REPORTS_REFRESH_INTERVAL_MS: '1000',
      WHATSAPP_PROVIDER: 'wwebjs',
      CHROMIUM_PATH: '/bin/false',
      WHATSAPP_RESTART_MIN_MS: '500',
      WHATSAPP_RESTART_MAX_MS: '2000',
    };
    // This process only owns the database and the prefix and reads them; the four below do the work.
    t = await createTestApp({ env: { ...env, APP_ROLE: 'api' } });
    await t.dataSource.query(`UPDATE users SET email = 'mudur.hesap@ornek.bel.tr', phone = '+905301119999' WHERE username = 'department-manager'`);
    executive = await loginAs(t, 'executive');
    apis.push(...(await Promise.all([startApiProcess(t.env), startApiProcess(t.env)])));
    workers.push(startWorkerProcess(t.env), startWorkerProcess(t.env));
  }, 180_000);
  afterAll(async () => {
    for (const p of [...apis, ...workers]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all([...apis, ...workers].map((p) => p.exited));
    await t?.close();
    await twilio.stop();
    await smtp.stop();
  }, 60_000);

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const onApi = (i: number) => request(apis[i % 2].url);

  function sms(api: number, i: number) {
    const params = {
      MessageSid: `SM${String(api * 1000 + i).padStart(32, '0')}`,
      AccountSid: ACCOUNT,
      From: `+90532${String(6_000_000 + api * 1000 + i)}`,
      To: '+908502220444',
      Body: 'Sokağımızda yolda büyük bir çukur var, asfalt bozuk',
      NumMedia: '0',
    };
    const signature = getExpectedTwilioSignature(TOKEN, SMS_URL, params);
    const post = (to: number) => onApi(to).post('/api/v1/channels/twilio/sms').type('form').set('X-Twilio-Signature', signature).send(params).expect(200);
    // Twilio retries a webhook it did not hear back from in time: here to the other API, at once.
    return Promise.all([post(api), post(api + 1)]);
  }

  function form(api: number, i: number) {
    const req = onApi(api)
      .post('/api/v1/public/applications')
      .set('X-Forwarded-For', `203.0.113.${api * 100 + i}`);
    const fields = {
      kind: 'sikayet',
      description: 'Sokağımızdaki çöpler üç gündür toplanmadı, koku var.',
      fullName: 'Zeynep Kaya',
      phone: `0535 ${String(2_000_000 + api * 1000 + i)}`,
      kvkkConsent: 'on',
      website: '',
    };
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    return req.then((res) => expect(res.status).toBeLessThan(300));
  }

  it('makes one ticket per event, routed once, with one receipt each', async () => {
    await Promise.all(
      [0, 1].flatMap((api) => [
        ...Array.from({ length: SMS_PER_API }, (_, i) => sms(api, i)),
        ...Array.from({ length: FORMS_PER_API }, (_, i) => form(api, i)),
      ]),
    );
    await waitFor(
      'every event processed and its ticket routed',
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.state = 'processed' AND t.routed_at IS NOT NULL`,
        )) === EVENTS,
      90_000,
      200,
    );
    expect(await count('SELECT count(*)::int AS n FROM inbound_events')).toBe(EVENTS);
    expect(await count('SELECT count(DISTINCT ticket_id)::int AS n FROM inbound_events')).toBe(EVENTS);
    expect(await count('SELECT count(*)::int AS n FROM tickets')).toBe(EVENTS);
    const routedTwice = await t.dataSource.query(`SELECT ticket_id FROM ticket_events WHERE type = 'routed' GROUP BY ticket_id HAVING count(*) <> 1`);
    expect(routedTwice).toEqual([]);
    expect(await count(`SELECT count(DISTINCT ticket_id)::int AS n FROM ticket_events WHERE type = 'routed'`)).toBe(EVENTS);
    await waitFor(
      'the receipts sent',
      async () => (await count(`SELECT count(*)::int AS n FROM outbound_messages WHERE purpose = 'received' AND state = 'sent'`)) === EVENTS,
      60_000,
      200,
    );
  }, 180_000);

  /** Makes every running clock due now and waits until both timers have taken one step of each, once. */
  async function fallDue(): Promise<void> {
    const before: { id: string; steps: number }[] = await t.dataSource.query(
      `SELECT t.clock_id AS id, (SELECT count(*)::int FROM escalations e WHERE e.clock_id = t.clock_id) AS steps FROM sla_timers t WHERE t.next_at IS NOT NULL`,
    );
    expect(before.length).toBeGreaterThan(0);
    await t.dataSource.query(`UPDATE sla_timers SET next_at = now() - interval '1 second' WHERE clock_id = ANY($1)`, [before.map((c) => c.id)]);
    const expected = new Map(before.map((c) => [c.id, c.steps + 1]));
    await waitFor(
      'the timers to take the step',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM escalations WHERE clock_id = ANY($1)`, [[...expected.keys()]])) ===
        before.reduce((a, c) => a + c.steps + 1, 0),
      60_000,
      200,
    );
    const steps: { clock_id: string; n: number }[] = await t.dataSource.query(
      `SELECT clock_id, count(*)::int AS n FROM escalations WHERE clock_id = ANY($1) GROUP BY clock_id`,
      [[...expected.keys()]],
    );
    expect(Object.fromEntries(steps.map((s) => [s.clock_id, s.n]))).toEqual(Object.fromEntries(expected));
  }

  it('escalates every clock exactly once per level, however both timers race, with one notice per escalation and recipient', async () => {
    await fallDue();
    await fallDue();
    await waitFor(
      'every escalation notified',
      async () => (await count('SELECT count(*)::int AS n FROM escalations WHERE notified_at IS NULL')) === 0,
      60_000,
      200,
    );
    // The timeline entries are written by the notify step, once per escalation.
    const [{ escalations, timeline, levels }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM escalations) AS escalations,
              (SELECT count(*)::int FROM ticket_events WHERE type = 'escalated') AS timeline,
              (SELECT count(DISTINCT (clock_id, level))::int FROM escalations) AS levels`,
    );
    expect(timeline).toBe(escalations);
    expect(levels).toBe(escalations);
    const notices: { dedupe_key: string }[] = await t.dataSource.query(
      `SELECT dedupe_key FROM outbound_messages WHERE purpose = 'escalation' GROUP BY dedupe_key HAVING count(*) > 1`,
    );
    expect(notices).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM outbound_messages WHERE purpose = 'escalation'`)).toBeGreaterThan(0);
    const inApp = await t.dataSource.query(`SELECT user_id, cause FROM staff_notifications GROUP BY user_id, cause HAVING count(*) > 1`);
    expect(inApp).toEqual([]);
  }, 180_000);

  it('sends every outbox message once: as many SMS and e-mails reached the providers as rows say sent', async () => {
    await waitFor(
      'the outbox drained',
      async () => (await count(`SELECT count(*)::int AS n FROM outbound_messages WHERE state IN ('pending', 'sending')`)) === 0,
      60_000,
      200,
    );
    const sms: { provider_id: string }[] = await t.dataSource.query(`SELECT provider_id FROM outbound_messages WHERE channel = 'sms' AND state = 'sent'`);
    expect(sms.length).toBeGreaterThan(EVENTS);
    expect(twilio.messages).toHaveLength(sms.length);
    expect(new Set(twilio.messages.map((m) => m.sid))).toEqual(new Set(sms.map((m) => m.provider_id)));
    const mails = await count(`SELECT count(*)::int AS n FROM outbound_messages WHERE channel = 'email' AND state = 'sent'`);
    expect(mails).toBeGreaterThan(0);
    await waitFor('the e-mails received', async () => smtp.mails.length >= mails, 10_000);
    expect(smtp.mails).toHaveLength(mails);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(mails);
  }, 120_000);

  it('folds the reports’ read model to the tickets, both workers refreshing, and reports it through either API', async () => {
    await waitFor(
      'the read model up to date',
      async () =>
        (await count('SELECT count(*)::int AS n FROM report_dirty_tickets')) === 0 &&
        (await count('SELECT count(*)::int AS n FROM report_ticket_facts')) === EVENTS,
      60_000,
      200,
    );
    const differing = await t.dataSource.query(
      `SELECT t.id FROM tickets t LEFT JOIN report_ticket_facts f ON f.ticket_id = t.id
        WHERE f.ticket_id IS NULL OR f.status IS DISTINCT FROM t.status OR f.department_id IS DISTINCT FROM t.department_id`,
    );
    expect(differing).toEqual([]);
    const [{ warnings, breaches }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE level = 1)::int AS warnings, count(*) FILTER (WHERE level = 2)::int AS breaches FROM escalations WHERE subject_type = 'ticket'`,
    );
    for (const api of [0, 1]) {
      const auth = { Authorization: `Bearer ${executive.token}` };
      const summary = await onApi(api).get(`/api/v1/reports/summary?from=${today}&to=${today}`).set(auth).expect(200);
      expect(summary.body.rows[0].tickets).toBe(EVENTS);
      const report = await onApi(api).get(`/api/v1/reports/escalations?from=${today}&to=${today}`).set(auth).expect(200);
      const sum = (key: string) => report.body.rows.reduce((a: number, r: Record<string, number>) => a + r[key], 0);
      expect({ warnings: sum('warnings'), breaches: sum('breaches') }).toEqual({ warnings, breaches });
    }
  }, 120_000);

  it('runs one WhatsApp client across the workers, and hands it over when its worker stops', async () => {
    // The lease is taken at boot; the holder tries to start its client (and fails: no browser here), the other stands by.
    await waitFor('a worker to take the WhatsApp lease', async () => workers.some((w) => w.output().includes(CLIENT_STARTED)), 30_000, 200);
    const holders = workers.filter((w) => w.output().includes(CLIENT_STARTED));
    expect(holders).toHaveLength(1);
    const [holder] = holders;
    const other = workers.find((w) => w !== holder)!;
    holder.child.kill('SIGTERM');
    await holder.exited;
    // The stopping worker released the lease; the other takes it at its next heartbeat.
    await waitFor('the other worker to take the WhatsApp lease', async () => other.output().includes(CLIENT_STARTED), 45_000, 200);
  }, 90_000);
});
