import { FeeWithdrawalSweeper } from '../src/modules/tickets/information/fee-withdrawal.sweeper';
import { SlaTicker } from '../src/modules/sla/sla-ticker';
import { categoryId, createTestApp, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (local: string) => new Date(`${local}+03:00`);

/** Law 4982 end to end: the fee and its withdrawal, decisions with their exemptions and remedies, objections, art. 30's report. */
describe('bilgi edinme (Law 4982)', () => {
  let t: TestApp;
  let staff: Staff;
  let admin: Staff;
  let sweeper: FeeWithdrawalSweeper;
  let ticker: SlaTicker;
  let category: string;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900, env: { SLA_TICK_MS: '3600000' } });
    staff = await loginAs(t, 'supervisor');
    admin = await loginAs(t, 'admin');
    sweeper = t.app.get(FeeWithdrawalSweeper);
    ticker = t.app.get(SlaTicker);
    category = await categoryId(t.dataSource, 'HLK-003');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, as = staff) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${as.token}`).send(body);
  const get = (path: string, as = staff) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${as.token}`);
  const current = async (id: string) => (await get(`/tickets/${id}`).expect(200)).body;
  const notices = (id: string, purpose: string) =>
    t.dataSource.query(`SELECT channel, body FROM outbound_messages WHERE ticket_id = $1 AND purpose = $2`, [id, purpose]);
  const clockOf = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT c.due_at, t.next_at, c.paused_at FROM sla_clocks c LEFT JOIN sla_timers t ON t.clock_id = c.id WHERE c.subject_id = $1`,
        [id],
      )
    )[0];

  async function application(subject = 'İhale kararı', at = MONDAY_0900) {
    t.clock.set(at);
    const res = await post(
      '/tickets',
      ticketInput({ kind: 'bilgi_edinme', categoryId: category, subject, description: `${subject} belgesini istiyorum.` }),
    ).expect(201);
    // Fifteen working days after Monday 2 November: the close of Monday 23 November.
    if (at === MONDAY_0900) expect(new Date(res.body.resolutionDueAt)).toEqual(istanbul('2026-11-23T17:30:00'));
    // Routing changes the ticket's version: act on it once it is in Halkla İlişkiler's inbox.
    await waitFor('routed', async () => ((await current(res.body.id)).routedAt ? true : undefined));
    return res.body as { id: string; version: number; resolutionDueAt: string };
  }

  it('a fee notice interrupts the period; unpaid by the close of the 15th working day, the application is withdrawn', async () => {
    const app = await application();
    t.clock.set(istanbul('2026-11-05T10:00:00'));
    const noticed = await post(`/tickets/${app.id}/information/fee`, {
      version: (await current(app.id)).version,
      amount: 125.5,
      note: 'Ödeme vezneye yapılabilir.',
    }).expect(200);
    expect(noticed.body.status).toBe('waiting_for_citizen');
    expect(await clockOf(app.id)).toMatchObject({ next_at: null, paused_at: istanbul('2026-11-05T10:00:00') });
    const [fee] = await notices(app.id, 'fee_notice');
    // Fifteen working days after Thursday 5 November: the close of Thursday 26 November.
    expect(fee.body).toContain('erişim ücreti 125,50 TL');
    expect(fee.body).toContain('26 Kasım 2026 tarihine kadar iletmezseniz başvurunuzdan vazgeçmiş sayılırsınız');
    await post(`/tickets/${app.id}/information/fee`, { version: noticed.body.version, amount: 10 }).expect(409);

    // Past the application's own deadline nothing escalates while the fee is awaited.
    t.clock.set(istanbul('2026-11-24T10:00:00'));
    await ticker.sweep();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM escalations WHERE subject_id = $1`, [app.id]))[0].n).toBe(0);

    t.clock.set(istanbul('2026-11-26T17:29:00'));
    expect(await sweeper.sweep()).toBe(0);
    t.clock.set(istanbul('2026-11-26T17:31:00'));
    expect(await sweeper.sweep()).toBe(1);
    expect(await sweeper.sweep()).toBe(0);
    expect(await current(app.id)).toMatchObject({ status: 'closed', resolution: 'withdrawn' });
    const [withdrawn] = await notices(app.id, 'withdrawn');
    expect(withdrawn.body).toContain('26 Kasım 2026 tarihine kadar ödenmediği için');
    expect((await get(`/tickets/${app.id}/information`).expect(200)).body).toMatchObject({ decision: 'withdrawn', fee: { amount: 125.5, paidAt: null } });
  });

  it('payment starts the interrupted period again in full: 15 working days from the payment', async () => {
    const app = await application('Kadro listesi');
    t.clock.set(istanbul('2026-11-05T10:00:00'));
    const noticed = await post(`/tickets/${app.id}/information/fee`, { version: (await current(app.id)).version, amount: 40 }).expect(200);
    t.clock.set(istanbul('2026-11-11T10:00:00'));
    const paid = await post(`/tickets/${app.id}/information/fee-paid`, { version: noticed.body.version }).expect(200);
    expect(paid.body.status).toBe('in_progress');
    // Fifteen working days after Wednesday 11 November: the close of Wednesday 2 December.
    expect(new Date(paid.body.resolutionDueAt)).toEqual(istanbul('2026-12-02T17:30:00'));
    const clock = await clockOf(app.id);
    expect(clock).toMatchObject({ due_at: istanbul('2026-12-02T17:30:00'), paused_at: null });
    expect(clock.next_at).not.toBeNull();
    await post(`/tickets/${app.id}/information/fee-paid`, { version: paid.body.version }).expect(409);
    t.clock.set(istanbul('2026-12-01T10:00:00'));
    expect(await sweeper.sweep()).toBe(0);
  });

  it('a refusal names the exemption article and its reason, and tells the applicant both remedies', async () => {
    const app = await application('Personel sağlık raporları');
    t.clock.set(istanbul('2026-11-10T11:00:00'));
    let version = (await current(app.id)).version;
    const missing = await post(`/tickets/${app.id}/information/decision`, { version, decision: 'refused', text: 'Verilemez.' }).expect(400);
    expect(missing.body.details[0].field).toBe('exemptions');
    const wrong = await post(`/tickets/${app.id}/information/decision`, {
      version,
      decision: 'refused',
      text: 'Verilemez.',
      exemptions: [{ article: 30, reason: 'Rapor' }],
    }).expect(400);
    expect(wrong.body.details[0].field).toMatch(/^exemptions\.0\.article/);
    const plain = await post(`/tickets/${app.id}/status`, { version, status: 'rejected', reason: 'Verilemez.' }).expect(400);
    expect(plain.body.details[0].field).toBe('status');

    const reason = 'Belgeler çalışanların sağlık bilgilerini içeriyor.';
    const refused = await post(`/tickets/${app.id}/information/decision`, {
      version,
      decision: 'refused',
      text: reason,
      exemptions: [{ article: 21, reason: 'Üçüncü kişilerin sağlık verisi' }],
    }).expect(200);
    expect(refused.body).toMatchObject({ status: 'rejected', resolution: 'rejected' });
    const [notice] = await notices(app.id, 'information_refused');
    expect(notice.channel).toBe('sms');
    expect(notice.body).toContain(`Gerekçe: ${reason}`);
    expect(notice.body).toContain('Dayanak: 4982 sayılı Kanun m. 21 (Özel hayatın gizliliği): Üçüncü kişilerin sağlık verisi');
    expect(notice.body).toContain('15 gün içinde Bilgi Edinme Değerlendirme Kurulu’na itiraz edebilir');
    expect(notice.body).toContain('60 gün içinde idare mahkemesinde dava açabilirsiniz');

    // A municipality's own wording may not drop what art. 12 makes the notice say.
    const reworded = await t
      .http()
      .put('/api/v1/notice-templates/information_refused/tr')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ subject: 'Ret', body: 'Başvurunuz reddedildi: {text} ({exemptions})' })
      .expect(400);
    expect(reworded.body.details[0]).toMatchObject({ field: 'body', message: expect.stringContaining('{remedies}') });

    // The applicant objects to the Kurul; the objection is linked to the application and tracked.
    t.clock.set(istanbul('2026-11-20T11:00:00'));
    await post(`/tickets/${app.id}/information/objections`, { filedOn: '2026-11-30' }).expect(400);
    const objection = await post(`/tickets/${app.id}/information/objections`, { filedOn: '2026-11-18', kurulRef: 'BEDK-2026/1234' }).expect(201);
    // Thirty working days after Wednesday 18 November: the close of Wednesday 30 December.
    expect(objection.body).toMatchObject({ late: false, kurulRef: 'BEDK-2026/1234', outcome: null });
    expect(new Date(objection.body.decisionDueAt)).toEqual(istanbul('2026-12-30T17:30:00'));
    const decided = await post(`/tickets/${app.id}/information/objections/${objection.body.id}/outcome`, {
      outcome: 'overturned',
      decidedOn: '2026-12-15',
    }).expect(200);
    expect(decided.body.outcome).toBe('overturned');
    expect(await current(app.id)).toMatchObject({ status: 'reopened' });
    const info = (await get(`/tickets/${app.id}/information`).expect(200)).body;
    expect(info).toMatchObject({ decision: 'refused', exemptionArticles: [21], objections: [{ id: objection.body.id, outcome: 'overturned' }] });

    version = (await current(app.id)).version;
    const partly = await post(`/tickets/${app.id}/information/decision`, {
      version,
      decision: 'partly_granted',
      text: 'Kimlik bilgileri karartılarak raporların sayısı ekte.',
      exemptions: [{ article: 21, reason: 'Kimlik bilgileri' }],
    }).expect(200);
    expect(partly.body.status).toBe('answered');
    const [partial] = await notices(app.id, 'information_partial');
    expect(partial.body).toContain('Verilemeyen kısmın dayanağı: 4982 sayılı Kanun m. 21');
  });

  it('an answer given at 16:00 on the last working day is on time, in the compliance report too', async () => {
    const app = await application('Meclis kararları', istanbul('2026-11-03T09:00:00'));
    // Fifteen working days after Tuesday 3 November: the close of Tuesday 24 November.
    expect(new Date(app.resolutionDueAt)).toEqual(istanbul('2026-11-24T17:30:00'));
    t.clock.set(istanbul('2026-11-24T16:00:00'));
    const answered = await post(`/tickets/${app.id}/information/decision`, {
      version: (await current(app.id)).version,
      decision: 'granted',
      text: 'Kararlar ekte.',
    }).expect(200);
    expect(answered.body.status).toBe('answered');
    expect((await notices(app.id, 'information_answered'))[0].body).toContain('karşılandı: Kararlar ekte.');
    t.clock.set(istanbul('2026-11-24T18:00:00'));
    await ticker.sweep();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM escalations WHERE subject_id = $1 AND level = 2`, [app.id]))[0].n).toBe(0);
    // The read model takes the answer's time from the timeline, whose rows the database stamps: stamp them as the test's clock.
    await t.dataSource.query(`UPDATE ticket_events SET created_at = $2 WHERE ticket_id = $1 AND type = 'status_changed'`, [
      app.id,
      istanbul('2026-11-24T16:00:00'),
    ]);
    await t.dataSource.query(`UPDATE tickets SET version = version WHERE id = $1`, [app.id]);
    await post('/reports/refresh', {}, admin).expect(200);
    const report = await get(`/reports/deadline-compliance?from=2026-11-03&to=2026-11-03&kind=bilgi_edinme`).expect(200);
    expect(report.body.rows).toEqual([expect.objectContaining({ legalBasis: 'law_4982', resolutionMet: 1, resolutionMissed: 0 })]);
  });

  it("counts a year's applications for the Kurul (art. 30) on generated data, and exports them", async () => {
    await generateYear(t, 2025);
    await post('/reports/refresh', {}, admin).expect(200);
    const { body } = await get('/reports/bilgi-edinme?year=2025').expect(200);
    expect(body).toMatchObject({ year: 2025, dueBy: '2026-02-28', period: { from: '2025-01-01', to: '2025-12-31' } });
    const counts = Object.fromEntries(body.rows.map((r: { code: string; count: number }) => [r.code, r.count]));
    expect(counts).toEqual({
      received: 40,
      granted: 18,
      partly_granted: 6,
      refused: 9,
      refused_art_16: 3,
      refused_art_21: 6,
      refused_art_26: 3,
      withdrawn: 2,
      referred: 3,
      pending: 2,
      objected: 4,
      objection_upheld: 2,
      objection_overturned: 1,
      objection_pending: 1,
      answered_late: 5,
    });
    expect(body.rows.find((r: { code: string }) => r.code === 'refused_art_21').label).toBe('Reddedilen — 4982 m. 21 (Özel hayatın gizliliği)');
    const csv = await get('/reports/bilgi-edinme/export?from=2025-01-01&to=2025-12-31&format=csv').expect(200);
    expect(csv.text).toContain('refused_art_16');
    await get('/reports/bilgi-edinme?year=1999').expect(400);
    await get('/reports/bilgi-edinme?year=2025', await loginAs(t, 'agent')).expect(403);
  });
});

/**
 * A year of Law 4982 applications written straight into the tables: 40 received — 18 granted
 * (3 of them late), 6 partly granted (1 late), 9 refused (1 late; articles 21 ×6, 16 ×3, 26 ×3,
 * some citing two), 2 withdrawn, 3 referred, 2 still open — and 4 objections.
 */
async function generateYear(t: TestApp, year: number): Promise<void> {
  const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Üretilmiş Başvuran') RETURNING id`);
  const outcomes: [string, string | null, string | null, number[], boolean][] = [
    ...Array.from({ length: 18 }, (_, i) => ['answered', 'answered', 'granted', [], i < 3] as [string, string, string, number[], boolean]),
    ...Array.from({ length: 6 }, (_, i) => ['answered', 'answered', 'partly_granted', [21], i < 1] as [string, string, string, number[], boolean]),
    ['rejected', 'rejected', 'refused', [21], true],
    ['rejected', 'rejected', 'refused', [21], false],
    ['rejected', 'rejected', 'refused', [21, 26], false],
    ['rejected', 'rejected', 'refused', [21, 16], false],
    ['rejected', 'rejected', 'refused', [21], false],
    ['rejected', 'rejected', 'refused', [21, 26], false],
    ['rejected', 'rejected', 'refused', [16], false],
    ['rejected', 'rejected', 'refused', [16], false],
    ['rejected', 'rejected', 'refused', [26], false],
    ['closed', 'withdrawn', 'withdrawn', [], false],
    ['closed', 'withdrawn', 'withdrawn', [], false],
    ['referred', 'referred', null, [], false],
    ['referred', 'referred', null, [], false],
    ['referred', 'referred', null, [], false],
    ['in_progress', null, null, [], false],
    ['waiting_for_citizen', null, null, [], false],
  ];
  const ids: string[] = [];
  for (const [i, [status, resolution, decision, articles, late]] of outcomes.entries()) {
    const created = new Date(Date.UTC(year, i % 12, 5, 7));
    const due = new Date(created.getTime() + 21 * 86_400_000);
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, resolution,
                            resolution_due_at, created_at, updated_at)
       VALUES ($1, 'bilgi_edinme', 'web', $2, $3, 'law_4982', 'Bilgi', 'Bilgi', '', $4, $5, $6, $6) RETURNING id`,
      [`${year}-9${String(i).padStart(5, '0')}`, status, citizen, resolution, due, created],
    );
    ids.push(id);
    if (decision) {
      const decidedAt = new Date(due.getTime() + (late ? 86_400_000 : -86_400_000));
      await t.dataSource.query(`INSERT INTO information_requests (ticket_id, decision, exemption_articles, decided_at) VALUES ($1, $2, $3, $4)`, [
        id,
        decision,
        articles,
        decidedAt,
      ]);
    }
  }
  const refused = ids.slice(24, 33);
  const objections: [string, string | null][] = [
    [refused[0], 'upheld'],
    [refused[1], 'upheld'],
    [refused[2], 'overturned'],
    [ids[18], null],
  ];
  for (const [ticketId, outcome] of objections) {
    await t.dataSource.query(`INSERT INTO information_objections (ticket_id, filed_on, decision_due_at, outcome) VALUES ($1, $2, now(), $3)`, [
      ticketId,
      `${year}-06-01`,
      outcome,
    ]);
  }
}
