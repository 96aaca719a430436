import { createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (local: string) => new Date(`${local}+03:00`);

/** CİMER's applications: the officer registers them with CİMER's number and deadline, the unit answers, the officer answers CİMER. */
describe('CİMER applications and the CİMER officer', () => {
  let t: TestApp;
  let officer: Staff;
  let fen: Staff;
  let supervisor: Staff;
  let fenId: string;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900 });
    officer = await loginAs(t, 'cimer');
    fen = await loginAs(t, 'department-staff');
    supervisor = await loginAs(t, 'supervisor');
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
  });
  afterAll(() => t.close());

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  const application = (cimerNo: string, cimerDueOn: string) => ({
    cimerNo,
    cimerDueOn,
    kind: 'sikayet',
    departmentId: fenId,
    subject: 'Kaldırım çökmüş',
    description: 'Atatürk Caddesi 14 önünde kaldırım çöktü, yaşlılar düşüyor.',
    citizen: { fullName: 'Hatice Demirtaş', phone: '05441110099', email: 'hatice@example.com' },
  });

  it('keeps CİMER’s number and deadline, and runs the clock to CİMER’s date when it comes before the law’s', async () => {
    const res = await as(officer).post('/cimer/applications', application('2026/0041234', '2026-11-13')).expect(201);
    expect(res.body).toMatchObject({ cimerNo: '2026/0041234', status: 'new', department: 'Fen İşleri Müdürlüğü', overdue: false });
    expect(new Date(res.body.cimerDueAt)).toEqual(istanbul('2026-11-13T23:59:59.999'));
    // Law 3071 would allow 30 days; CİMER asked for 13 November.
    expect(new Date(res.body.resolutionDueAt)).toEqual(istanbul('2026-11-13T23:59:59.999'));
    expect(JSON.stringify(res.body)).not.toMatch(/1110099|hatice@|Demirtaş/);
    const [ticket] = await t.dataSource.query(`SELECT channel, external_ref FROM tickets WHERE id = $1`, [res.body.ticketId]);
    expect(ticket).toEqual({ channel: 'cimer', external_ref: '2026/0041234' });

    const again = await as(officer).post('/cimer/applications', application('2026/0041234', '2026-11-20')).expect(409);
    expect(again.body.details[0].field).toBe('cimerNo');
    const past = await as(officer).post('/cimer/applications', application('2026/0041299', '2026-10-30')).expect(400);
    expect(past.body.details[0].field).toBe('cimerDueOn');
  });

  it('reaches CİMER’s applications and nothing else: no ticket list, no citizens, no other reports', async () => {
    await as(officer).get('/auth/me').expect(200);
    await as(officer).get('/notifications').expect(200);
    await as(officer).get('/departments').expect(200);
    await as(officer).get('/tickets').expect(403);
    await as(officer).get('/citizens').expect(403);
    await as(officer).get('/reports/volume?from=2026-11-01&to=2026-11-30').expect(403);
    await as(fen).get('/cimer/applications').expect(403);
  });

  it('the unit answers as for any ticket; the officer records the answer that goes back to CİMER, with who, when and its status', async () => {
    const created = await as(officer).post('/cimer/applications', application('2026/0041300', '2026-11-20')).expect(201);
    const id = created.body.ticketId as string;
    const routed = await waitFor('in Fen İşleri’s inbox', async () => {
      const res = await as(fen).get(`/tickets/${id}`);
      return res.status === 200 && res.body.routedAt ? res.body : undefined;
    });
    t.clock.set(istanbul('2026-11-10T11:00:00'));
    await as(fen).post(`/tickets/${id}/status`, { version: routed.version, status: 'answered', note: 'Kaldırım 9 Kasım’da onarıldı.' }).expect(200);
    expect((await as(officer).get('/cimer/applications?state=open').expect(200)).body.items.map((i: { cimerNo: string }) => i.cimerNo)).toContain(
      '2026/0041300',
    );

    t.clock.set(istanbul('2026-11-11T09:15:00'));
    const answered = await as(officer)
      .post(`/cimer/applications/${id}/answers`, { status: 'final', text: 'İlgili kaldırım 9 Kasım 2026 tarihinde onarılmıştır.' })
      .expect(201);
    expect(answered.body.unitActions.map((a: { body: string }) => a.body)).toContain('Kaldırım 9 Kasım’da onarıldı.');
    expect(answered.body.cimerAnswers).toEqual([
      {
        id: expect.any(String),
        status: 'final',
        text: 'İlgili kaldırım 9 Kasım 2026 tarihinde onarılmıştır.',
        answeredBy: 'Gülay Şen (CİMER Yetkilisi, Halkla İlişkiler)',
        answeredAt: istanbul('2026-11-11T09:15:00').toISOString(),
      },
    ]);
    expect(new Date(answered.body.concludedAt)).toEqual(istanbul('2026-11-11T09:15:00'));
    await as(officer).post(`/cimer/applications/${id}/answers`, { status: 'sonuc', text: 'x' }).expect(400);
    await as(officer).get('/cimer/applications/00000000-0000-4000-8000-000000000000').expect(404);
    const plain = await as(supervisor).post('/tickets', {
      channel: 'phone',
      kind: 'sikayet',
      subject: 'Telefon',
      description: 'Telefonla gelen.',
      citizen: { phone: '05441110098' },
    });
    await as(officer).post(`/cimer/applications/${plain.body.id}/answers`, { status: 'final', text: 'Yanıt' }).expect(404);
  });

  it('counts them per department, and the ordinary reports filter them by channel', async () => {
    t.clock.set(istanbul('2026-11-16T10:00:00'));
    expect((await as(officer).get('/cimer/applications?state=overdue').expect(200)).body.items.map((i: { cimerNo: string }) => i.cimerNo)).toEqual([
      '2026/0041234',
    ]);
    await as(await loginAs(t, 'admin'))
      .post('/reports/refresh', {})
      .expect(200);
    const report = await as(officer).get('/reports/cimer?from=2026-11-01&to=2026-11-30').expect(200);
    expect(report.body.rows).toEqual([
      {
        departmentId: fenId,
        department: 'Fen İşleri Müdürlüğü',
        received: 2,
        answered: 1,
        answeredInTime: 1,
        answeredLate: 0,
        notCompetent: 0,
        open: 1,
        openWithInterimAnswer: 0,
        overdue: 1,
      },
    ]);
    const volume = await as(supervisor).get('/reports/summary?from=2026-11-01&to=2026-11-30&channel=cimer').expect(200);
    expect(volume.body.rows[0].tickets).toBe(2);
  });
});
