import { SlaTicker } from '../src/modules/sla/sla-ticker';
import { categoryId, createTestApp, idByCode, loginAs, SmtpCapture, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';
const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (iso: string) => new Date(`${iso}+03:00`);

/**
 * The deadline clock and its ladder with an injected clock: instants as an official would
 * compute them in working time, pauses, the timer firing each step once, and the people told.
 */
describe('deadlines and the escalation ladder', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let ticker: SlaTicker;
  let manager: Staff;
  let seq = 0;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      now: MONDAY_0900,
      // The timer is driven by hand here; the notify jobs and the outbox run as in production.
      env: { SLA_TICK_MS: '3600000', EMAIL_PROVIDER: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: 'cozum@ornek.bel.tr' },
    });
    ticker = t.app.get(SlaTicker);
    // Road holes get the urgent clock (2 working days, warning at 75%), and the müdür has an address.
    await t.dataSource.query(
      `UPDATE categories SET deadline_policy_id = (SELECT id FROM deadline_policies WHERE code = 'ACIL_MUDAHALE') WHERE service_code = 'FEN-001'`,
    );
    await t.dataSource.query(`UPDATE users SET email = 'mudur.hesap@ornek.bel.tr', phone = '+905301119999' WHERE username = 'department-manager'`);
    manager = await loginAs(t, 'department-manager');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A citizen's SMS about a road hole, filed and routed to Fen İşleri. */
  async function pothole(phone: string) {
    const id = `SM-esc-${(seq += 1)}`;
    await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: id, payload: { MessageSid: id, From: phone, Body: 'Sokağımızda yolda büyük bir çukur var, asfalt bozuk' } })
      .expect(202);
    return waitFor('the ticket', async () => {
      const [row] = await t.dataSource.query(
        `SELECT t.id, t.version, t.resolution_due_at, d.code AS department FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id
           LEFT JOIN departments d ON d.id = t.department_id WHERE e.provider_id = $1`,
        [id],
      );
      return row;
    });
  }
  const clockOf = async (ticketId: string) =>
    (
      await t.dataSource.query(
        `SELECT c.warning_at, c.due_at, c.further_at, coalesce(t.level, c.level) AS level, t.next_at, c.paused_at
           FROM sla_clocks c LEFT JOIN sla_timers t ON t.clock_id = c.id WHERE c.subject_id = $1`,
        [ticketId],
      )
    )[0];
  const escalationsOf = (ticketId: string) =>
    t.dataSource.query(`SELECT level, due_at, fired_at, notified_at FROM escalations WHERE subject_id = $1 ORDER BY level`, [ticketId]);

  it('warns at 75% of the working time and breaches after 2 working days, each step once', async () => {
    const ticket = await pothole('+905321230001');
    expect(ticket.department).toBe('FEN');
    const clock = await clockOf(ticket.id);
    // Two working days after Monday's: they end when Wednesday's office closes, 17:30. Monday from
    // 09:00 to then is 23.5 working hours; 75% of them (1,058 minutes) is Wednesday 10:38.
    expect(clock.warning_at).toEqual(istanbul('2026-11-04T10:38:00'));
    expect(clock.due_at).toEqual(istanbul('2026-11-04T17:30:00'));
    expect(ticket.resolution_due_at).toEqual(clock.due_at);

    t.clock.set(new Date(clock.warning_at.getTime() - 1000));
    await ticker.sweep();
    expect(await escalationsOf(ticket.id)).toHaveLength(0);

    t.clock.set(clock.warning_at);
    await ticker.sweep();
    await ticker.sweep();
    expect((await escalationsOf(ticket.id)).map((e: { level: number }) => e.level)).toEqual([1]);

    t.clock.set(clock.due_at);
    await ticker.sweep();
    const [warning, breach] = await waitFor('both steps notified', async () => {
      const rows = await escalationsOf(ticket.id);
      return rows.length === 2 && rows.every((r: { notified_at: Date | null }) => r.notified_at) ? rows : undefined;
    });
    expect(warning).toMatchObject({ level: 1, due_at: clock.warning_at, fired_at: clock.warning_at });
    expect(breach).toMatchObject({ level: 2, due_at: clock.due_at });
    // After the breach the step above is scheduled from Fen İşleri's ladder: 16 working hours later.
    expect((await clockOf(ticket.id)).further_at).toEqual(istanbul('2026-11-06T17:30:00'));
    const timeline = await t.dataSource.query(`SELECT body FROM ticket_events WHERE ticket_id = $1 AND type = 'escalated' ORDER BY seq`, [ticket.id]);
    expect(timeline.map((e: { body: string }) => e.body)).toEqual(['Süre uyarısı', 'Süre aşıldı']);
  });

  it('tells the müdür and the escalation contacts by e-mail, SMS and in the app, and the citizen apologetically', async () => {
    const mails = await waitFor('breach mails', async () => {
      const found = smtp.mails.filter((m) => m.subject?.startsWith('Süre aşıldı'));
      return found.length >= 3 ? found : undefined;
    });
    const to = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text).sort();
    expect(to).toEqual(['fen.mudur@ornek.bel.tr', 'fen.sef@ornek.bel.tr', 'mudur.hesap@ornek.bel.tr']);
    expect(mails[0].headers.get('auto-submitted')).toBe('auto-replied');
    const sms = await t.dataSource.query(
      `SELECT recipient, state, body FROM outbound_messages WHERE purpose = 'escalation' AND channel = 'sms' ORDER BY recipient`,
    );
    expect(sms.map((m: { recipient: string }) => m.recipient)).toEqual(expect.arrayContaining(['+905301119999']));
    expect(sms.every((m: { body: string }) => /^Süre (uyarısı|aşıldı)/.test(m.body))).toBe(true);

    const list = await t.http().get('/api/v1/notifications?unread=true').set('Authorization', `Bearer ${manager.token}`).expect(200);
    expect(list.body.items.map((n: { title: string }) => n.title.split(':')[0])).toEqual(['Süre aşıldı', 'Süre uyarısı']);
    expect(list.body.unread).toBe(2);

    const [delay] = await t.dataSource.query(`SELECT channel, recipient, body FROM outbound_messages WHERE purpose = 'delayed'`);
    expect(delay).toMatchObject({ channel: 'sms', recipient: '+905321230001' });
    // Five working days after Wednesday 4 November: Wednesday 11 November.
    expect(delay.body).toContain('özür dileriz. Beklenen yeni tarih: 11 Kasım 2026');
  });

  it('counts the steps per department in the escalations report', async () => {
    const admin = await loginAs(t, 'admin');
    await t
      .http()
      .post('/api/v1/reports/refresh')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect((res) => expect(res.status).toBeLessThan(300));
    const report = await t.http().get('/api/v1/reports/escalations?from=2026-11-01&to=2026-11-30').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(report.body.rows).toEqual([
      expect.objectContaining({ department: 'Fen İşleri Müdürlüğü', warnings: 1, breaches: 1, escalatedAbove: 0, tickets: 1 }),
    ]);
  });

  it('moves the deadline by exactly the working time the ticket waited for the citizen', async () => {
    t.clock.set(MONDAY_0900);
    const phone = '+905321230002';
    const ticket = await pothole(phone);
    const before = await clockOf(ticket.id);
    t.clock.set(istanbul('2026-11-02T16:00:00'));
    const current = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200)).body;
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/status`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ version: current.version, status: 'waiting_for_citizen', note: 'Çukurun tam adresini yazar mısınız?' })
      .expect(200);
    expect((await clockOf(ticket.id)).next_at).toBeNull();

    // While paused nothing escalates, however late it gets, and the working time left stands still:
    // Monday 16:00–17:30, all Tuesday, all Wednesday = 1,050 minutes.
    t.clock.set(istanbul('2026-11-03T10:00:00'));
    await ticker.sweep();
    expect(await escalationsOf(ticket.id)).toHaveLength(0);
    const paused = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200)).body;
    expect(paused.deadline).toMatchObject({ paused: true, running: false, remainingWorkingMinutes: 1050, level: 0 });

    // The citizen answers by SMS on Tuesday 10:00: 1.5 h on Monday + 1.5 h on Tuesday were paused.
    const id = `SM-esc-${(seq += 1)}`;
    await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: id, payload: { MessageSid: id, From: phone, Body: 'Atatürk Caddesi 12 önü' } })
      .expect(202);
    const after = await waitFor('the clock resumed', async () => {
      const clock = await clockOf(ticket.id);
      return clock.paused_at === null && clock.next_at ? clock : undefined;
    });
    // Wednesday 17:30 plus three working hours reaches Thursday 11:30: the deadline is that day's close.
    expect(after.due_at).toEqual(istanbul('2026-11-05T17:30:00'));
    expect(after.warning_at).toEqual(istanbul('2026-11-04T14:38:00'));
    expect(before.due_at).toEqual(istanbul('2026-11-04T17:30:00'));
    const [row] = await t.dataSource.query('SELECT status, resolution_due_at FROM tickets WHERE id = $1', [ticket.id]);
    expect(row).toEqual({ status: 'in_progress', resolution_due_at: after.due_at });
    const events = await t.dataSource.query(
      `SELECT type, data FROM ticket_events WHERE ticket_id = $1 AND type IN ('deadline_paused', 'deadline_resumed') ORDER BY seq`,
      [ticket.id],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual(['deadline_paused', 'deadline_resumed']);
    expect(events[1].data.pausedWorkingMinutes).toBe(180);
  });

  it('escalates each of many tickets falling due at once exactly once, however many timers fire together', async () => {
    t.clock.set(MONDAY_0900);
    const tickets = [];
    for (let i = 0; i < 12; i += 1) tickets.push(await pothole(`+9053212310${String(i).padStart(2, '0')}`));
    const ids = tickets.map((x) => x.id);
    const { warning_at } = await clockOf(ids[0]);
    t.clock.set(warning_at);
    // Four timers at the same instant: two in this process, as if on two workers, twice.
    await Promise.all([ticker.sweep(), ticker.sweep(), ticker.sweep(), ticker.sweep()]);
    const [{ escalations }] = await t.dataSource.query(`SELECT count(*)::int AS escalations FROM escalations WHERE subject_id = ANY($1)`, [ids]);
    expect(escalations).toBe(12);
    // The timeline entries come with the notify step, once each.
    await waitFor('every step notified', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM escalations WHERE subject_id = ANY($1) AND notified_at IS NULL`, [ids]);
      return n === 0 || undefined;
    });
    const [{ events }] = await t.dataSource.query(`SELECT count(*)::int AS events FROM ticket_events WHERE ticket_id = ANY($1) AND type = 'escalated'`, [ids]);
    expect(events).toBe(12);
  });

  it('keeps the clock running through a transfer, or restarts it where the policy says so', async () => {
    const admin = await loginAs(t, 'admin');
    const [policy] = await t.dataSource.query(`SELECT id FROM deadline_policies WHERE code = 'ACIL_MUDAHALE'`);
    const imar = await idByCode(t.dataSource, 'departments', 'IMAR');
    const transfer = async (ticketId: string) => {
      const current = (await t.http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
      await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/transfer`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ version: current.version, departmentId: imar, reason: 'Çukur imar alanında, bina önünde' })
        .expect(200);
    };
    t.clock.set(MONDAY_0900);
    const kept = await pothole('+905321230004');
    t.clock.set(istanbul('2026-11-03T09:00:00'));
    await transfer(kept.id);
    expect((await clockOf(kept.id)).due_at).toEqual(istanbul('2026-11-04T17:30:00'));

    await t.http().patch(`/api/v1/deadline-policies/${policy.id}`).set('Authorization', `Bearer ${admin.token}`).send({ restartOnTransfer: true }).expect(200);
    t.clock.set(MONDAY_0900);
    const restarted = await pothole('+905321230005');
    t.clock.set(istanbul('2026-11-03T09:00:00'));
    await transfer(restarted.id);
    // Two working days after the transfer on Tuesday: Thursday's close.
    const clock = await clockOf(restarted.id);
    expect(clock).toMatchObject({ due_at: istanbul('2026-11-05T17:30:00'), level: 0 });
    const [row] = await t.dataSource.query('SELECT resolution_due_at FROM tickets WHERE id = $1', [restarted.id]);
    expect(row.resolution_due_at).toEqual(clock.due_at);
    await t.http().patch(`/api/v1/deadline-policies/${policy.id}`).set('Authorization', `Bearer ${admin.token}`).send({ restartOnTransfer: false }).expect(200);
  });

  it('keeps a late ticket’s step when it is answered, and goes on from it when the ticket is reopened', async () => {
    t.clock.set(MONDAY_0900);
    const ticket = await pothole('+905321230006');
    const { due_at: dueAt } = await clockOf(ticket.id);
    // Past its deadline: the warning, then the breach, one step a tick.
    t.clock.set(dueAt);
    await ticker.sweep();
    await ticker.sweep();
    await waitFor('the breach told', async () =>
      (await escalationsOf(ticket.id)).filter((e: { notified_at: Date | null }) => e.notified_at).length === 2 ? true : undefined,
    );
    const status = async (to: string, extra: object) => {
      const current = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200)).body;
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/status`)
        .set('Authorization', `Bearer ${manager.token}`)
        .send({ version: current.version, status: to, ...extra })
        .expect(200);
    };
    const timers = async () =>
      await t.dataSource.query(`SELECT t.level, t.next_level, t.next_at FROM sla_timers t JOIN sla_clocks c ON c.id = t.clock_id WHERE c.subject_id = $1`, [
        ticket.id,
      ]);
    // Answered: the timer goes, and the clock keeps the breach it reached.
    await status('answered', { note: 'Asfalt yamandı.' });
    expect(await timers()).toEqual([]);
    const [{ level }] = await t.dataSource.query(`SELECT level FROM sla_clocks WHERE subject_id = $1`, [ticket.id]);
    expect(level).toBe(2);
    // Reopened: the ladder goes on from the breach, to the step above on Fen İşleri's ladder, and nothing fires twice.
    await status('reopened', { reason: 'Çukur yeniden açıldı' });
    const [further] = await timers();
    expect(further).toEqual({ level: 2, next_level: 3, next_at: istanbul('2026-11-06T17:30:00') });
    const detail = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200)).body;
    expect(detail.deadline).toMatchObject({ level: 2, running: true });
    t.clock.set(further.next_at);
    await ticker.sweep();
    expect((await escalationsOf(ticket.id)).map((e: { level: number }) => e.level)).toEqual([1, 2, 3]);
    expect(await timers()).toEqual([{ level: 3, next_level: null, next_at: null }]);
  });

  it('stops the clock when the ticket is answered', async () => {
    t.clock.set(MONDAY_0900);
    const ticket = await pothole('+905321230003');
    const current = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200)).body;
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/status`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ version: current.version, status: 'answered', note: 'Asfalt yamandı.' })
      .expect(200);
    t.clock.set(istanbul('2026-11-20T09:00:00'));
    await ticker.sweep();
    expect(await escalationsOf(ticket.id)).toHaveLength(0);
    expect((await clockOf(ticket.id)).next_at).toBeNull();
  });

  it('extends a Law 4982 request once, to 30 working days, and tells the applicant why', async () => {
    t.clock.set(MONDAY_0900);
    const supervisor = await loginAs(t, 'supervisor');
    const as = (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${supervisor.token}`).send(body);
    const created = await as(
      '/tickets',
      ticketInput({
        kind: 'bilgi_edinme',
        categoryId: await categoryId(t.dataSource, 'HLK-003'),
        subject: 'İhale kararı',
        description: '2025 yılı asfalt ihalesinin kararını istiyorum.',
      }),
    ).expect(201);
    // Fifteen working days after Monday 2 November: the close of Monday 23 November.
    expect(new Date(created.body.resolutionDueAt)).toEqual(istanbul('2026-11-23T17:30:00'));

    t.clock.set(istanbul('2026-11-16T10:00:00'));
    const routed = await waitFor('routed to Halkla İlişkiler', async () => {
      const res = await t.http().get(`/api/v1/tickets/${created.body.id}`).set('Authorization', `Bearer ${supervisor.token}`);
      return res.body.routedAt ? res.body : undefined;
    });
    const reason = 'İstenen bilgi başka bir kurumdan temin edilecek (4982 m.11)';
    await as(`/tickets/${created.body.id}/extend`, { version: routed.version, reason: 'kısa' })
      .expect(400)
      .expect(({ body }) => expect(body.details[0].field).toBe('reason'));
    const extended = await as(`/tickets/${created.body.id}/extend`, { version: routed.version, reason }).expect(200);
    // Thirty working days after Monday 2 November: the close of Monday 14 December.
    expect(new Date(extended.body.resolutionDueAt)).toEqual(istanbul('2026-12-14T17:30:00'));
    expect((await clockOf(created.body.id)).due_at).toEqual(istanbul('2026-12-14T17:30:00'));
    const again = await as(`/tickets/${created.body.id}/extend`, { version: extended.body.version, reason }).expect(409);
    expect(again.body.code).toBe('TICKET_EXTENSION_REFUSED');

    const notices = await t.dataSource.query(`SELECT channel, body FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'extended'`, [created.body.id]);
    expect(notices).toHaveLength(1);
    expect(notices[0].channel).toBe('sms');
    expect(notices[0].body).toContain(`Gerekçe: ${reason}. Yeni tarih: 14 Aralık 2026`);

    const petition = await as('/tickets', ticketInput()).expect(201);
    await as(`/tickets/${petition.body.id}/extend`, { version: petition.body.version, reason }).expect(409);
  });
});
