import { categoryId, createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

// A real 1×1 PNG, with bytes of its own after the image so a leak of the file is recognisable.
const PHOTO = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from('park-photo-bytes-7f3a'),
]);

/** The side doors found when the ticket endpoints already held: each is shut here. */
describe("another department's citizens", () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let fenStaff: Staff;
  let fenManager: Staff;
  let parkStaff: Staff;
  let parkTicket: { id: string; trackingNo: string; citizen: { id: string } };
  const parkCitizen = { fullName: 'Nermin Parkçıoğlu', phone: '05447771122', email: 'nermin.park@example.com' };

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  const leaks = (body: unknown) => /Parkçıoğlu|7771122|nermin\.park|Salıncak zinciri/.test(JSON.stringify(body));
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
    fenStaff = await loginAs(t, 'department-staff');
    fenManager = await loginAs(t, 'department-manager');
    const park = await idByCode(t.dataSource, 'departments', 'PARK');
    parkStaff = await createStaff(t, admin, 'department_staff', park);
    parkTicket = (
      await as(agent)
        .post(
          '/tickets',
          ticketInput({
            departmentId: park,
            channel: 'muhtar',
            mahalleId: await idByCode(t.dataSource, 'mahalleler', 'ATATURK'),
            subject: 'Salıncak zinciri kopmuş',
            citizen: parkCitizen,
          }),
        )
        .expect(201)
    ).body;
  });
  afterAll(() => t.close());

  it("does not let a department role open a ticket for another department's citizen by id", async () => {
    const before = await count('tickets');
    const res = await as(fenStaff)
      .post('/tickets', ticketInput({ citizen: undefined, citizenId: parkTicket.citizen.id }))
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'citizenId' })]);
    expect(leaks(res.body)).toBe(false);
    expect(await count('tickets')).toBe(before);
  });

  it('shows a department only what it typed of a citizen it found by phone, and calls back on that', async () => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const res = await as(fenStaff)
      .post('/tickets', ticketInput({ departmentId: fen, citizen: { fullName: 'Telefondaki Kişi', phone: parkCitizen.phone } }))
      .expect(201);
    expect(res.body.citizen).toMatchObject({ id: parkTicket.citizen.id, fullName: 'Telefondaki Kişi' });
    expect(leaks(res.body)).toBe(false);
    const detail = await as(fenStaff).get(`/tickets/${res.body.id}`).expect(200);
    expect(leaks(detail.body)).toBe(false);
    const contact = await as(fenStaff)
      .get(`/tickets/${res.body.id}/contact?purpose=${encodeURIComponent('Geri arama')}`)
      .expect(200);
    // The phone is what the staff member typed; the e-mail came from another department's application.
    expect(contact.body).toEqual({ name: 'Telefondaki Kişi', phone: '+905447771122', email: null, shownForSeconds: 60 });
    // The call centre sees the citizen's record.
    const forAgent = await as(agent).get(`/tickets/${res.body.id}`).expect(200);
    expect(forAgent.body.citizen.fullName).toBe(parkCitizen.fullName);
    const log = await t.dataSource.query('SELECT user_id FROM pii_access_log WHERE purpose = $1', [`ticket ${res.body.trackingNo}: Geri arama`]);
    expect(log).toEqual([{ user_id: fenStaff.id }]);
  });

  it('serves a photo only to those who may read its ticket', async () => {
    const category = await categoryId(t.dataSource, 'PRK-001');
    const sent = await t
      .http()
      .post('/api/v1/public/applications')
      .field('kind', 'sikayet')
      .field('categoryId', category)
      .field('description', 'Parktaki bank kırılmış, fotoğrafı ekledim.')
      .field('fullName', 'Foto Sahibi')
      .field('phone', '0544 777 11 33')
      .field('kvkkConsent', 'on')
      .field('website', '')
      .attach('photos', PHOTO, { filename: 'bank.png', contentType: 'image/png' })
      .expect(202);
    const trackingNo = await waitFor('the application filed', async () => {
      const res = await t.http().get(`/api/v1/public/applications/${sent.body.receiptId}`).expect(200);
      return res.body.trackingNo ?? null;
    });
    const [{ id }] = await t.dataSource.query('SELECT id FROM tickets WHERE tracking_no = $1', [trackingNo]);
    const ticket = await as(parkStaff).get(`/tickets/${id}`).expect(200);
    const url: string = ticket.body.timeline[0].data.media[0].url;
    const raw = (staff: Staff) =>
      t
        .http()
        .get(url)
        .set('Authorization', `Bearer ${staff.token}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
    expect((await raw(parkStaff).expect(200)).body).toEqual(PHOTO);
    expect((await raw(agent).expect(200)).body).toEqual(PHOTO);
    const refused = await raw(fenStaff).expect(404);
    expect((refused.body as Buffer).includes('park-photo-bytes')).toBe(false);
    await raw(fenManager).expect(404);
  });

  it("does not let a manager link another department's ticket to a muhtar activity, nor read one through it", async () => {
    const visit = (
      await as(fenManager)
        .post('/muhtar-activities', {
          kind: 'visit',
          title: 'Atatürk ziyareti',
          mahalleId: await idByCode(t.dataSource, 'mahalleler', 'ATATURK'),
          plannedAt: '2026-05-20T06:00:00Z',
        })
        .expect(201)
    ).body;
    const refused = await as(fenManager).post(`/muhtar-activities/${visit.id}/tickets`, { ticketId: parkTicket.id }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'ticketId' })]);
    expect(await count('muhtar_activity_tickets')).toBe(0);
    // Linked by someone who may (an executive), it still stays out of the manager's view.
    const executive = await loginAs(t, 'executive');
    await as(executive).post(`/muhtar-activities/${visit.id}/tickets`, { ticketId: parkTicket.id }).expect(204);
    const seen = await as(fenManager).get(`/muhtar-activities/${visit.id}`).expect(200);
    expect(seen.body.tickets).toEqual([]);
    expect(leaks(seen.body)).toBe(false);
    expect((await as(executive).get(`/muhtar-activities/${visit.id}`).expect(200)).body.tickets).toHaveLength(1);
  });

  it("refuses a department role's process start that it could not see, and writes nothing", async () => {
    const [template] = (await as(fenStaff).get('/process-templates').expect(200)).body;
    const before = await Promise.all(['process_instances', 'process_steps', 'process_events', 'sla_clocks'].map(count));
    await as(fenStaff).post('/processes', { templateId: template.id, title: 'Kardeş şehir: Batum' }).expect(403);
    await as(fenStaff).post('/processes', { templateId: template.id, title: 'Bağlı', ticketId: parkTicket.id }).expect(400);
    expect(await Promise.all(['process_instances', 'process_steps', 'process_events', 'sla_clocks'].map(count))).toEqual(before);
  });

  it('masks inbound events and answers lists called without filters', async () => {
    await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', 'dev-only-intake-key-change-me')
      .send({ channel: 'sms', providerId: 'SM-masking-1', payload: { From: '+905447771122', Body: 'Salıncak zinciri kopmuş, ne zaman onarılır?' } })
      .expect(202);
    const supervisor = await loginAs(t, 'supervisor');
    const list = await as(supervisor).get('/inbound-events').expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(leaks(list.body)).toBe(false);
    const [event] = list.body.items;
    await as(supervisor).get(`/inbound-events/${event.id}`).expect(403);
    const raw = await as(admin).get(`/inbound-events/${event.id}`).expect(200);
    expect(raw.body.payload).toBeDefined();
    const [logged] = await t.dataSource.query('SELECT user_id FROM pii_access_log WHERE purpose = $1', [`inbound event ${event.id}`]);
    expect(logged.user_id).toBe(admin.id);
    const users = await as(admin).get('/users').expect(200);
    expect(users.body.total).toBeGreaterThanOrEqual(6);
  });
});
