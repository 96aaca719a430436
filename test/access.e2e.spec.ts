import { createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput } from '@app/testing';

describe('department scoping and masking', () => {
  let t: TestApp;
  let agent: Staff;
  let fenStaff: Staff;
  let parkStaff: Staff;
  let supervisor: Staff;
  let fenTicket: { id: string; trackingNo: string; version: number };
  let parkTicket: { id: string; trackingNo: string };
  const phone = '05325556677';

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
    supervisor = await loginAs(t, 'supervisor');
    fenStaff = await loginAs(t, 'department-staff');
    parkStaff = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'PARK'));
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const park = await idByCode(t.dataSource, 'departments', 'PARK');
    const citizen = { fullName: 'Hatice Şahin', phone, email: 'hatice@example.com', tcKimlikNo: '10000000146' };
    fenTicket = (
      await as(agent)
        .post('/tickets', ticketInput({ departmentId: fen, subject: 'Kaldırım kırık', citizen }))
        .expect(201)
    ).body;
    parkTicket = (
      await as(agent)
        .post('/tickets', ticketInput({ departmentId: park, subject: 'Parktaki salıncak kırık', citizen }))
        .expect(201)
    ).body;
  });
  afterAll(() => t.close());

  it("answers 404 for another department's ticket by id, and for its sub-resources", async () => {
    await as(parkStaff).get(`/tickets/${parkTicket.id}`).expect(200);
    const res = await as(parkStaff).get(`/tickets/${fenTicket.id}`).expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'TICKET_NOT_FOUND', message: 'Başvuru bulunamadı' });
    await as(parkStaff).get(`/tickets/${fenTicket.id}/contact?purpose=geri%20arama`).expect(404);
    await as(parkStaff).post(`/tickets/${fenTicket.id}/entries`, { type: 'note', body: 'sızma' }).expect(404);
    await as(parkStaff).post(`/tickets/${fenTicket.id}/status`, { version: 1, status: 'in_progress' }).expect(404);
    await as(parkStaff).post(`/tickets/${fenTicket.id}/assign`, { version: 1, assigneeId: parkStaff.id }).expect(404);
    const after = await as(agent).get(`/tickets/${fenTicket.id}`).expect(200);
    expect(after.body.version).toBe(1);
    expect(after.body.timeline).toHaveLength(1);
  });

  it("leaves other departments' tickets out of lists and searches", async () => {
    const list = await as(parkStaff).get('/tickets?pageSize=100').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([parkTicket.id]);
    expect(list.body.total).toBe(1);
    const search = await as(parkStaff)
      .get(`/tickets?q=${encodeURIComponent('kırık')}`)
      .expect(200);
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([parkTicket.id]);
    const byDepartment = await as(parkStaff)
      .get(`/tickets?departmentId=${fenTicket && (await idByCode(t.dataSource, 'departments', 'FEN'))}`)
      .expect(200);
    expect(byDepartment.body.items).toEqual([]);
    const agentSearch = await as(agent)
      .get(`/tickets?q=${encodeURIComponent('kırık')}`)
      .expect(200);
    expect(agentSearch.body.total).toBe(2);
  });

  it('masks phone numbers and TC Kimlik numbers for agents', async () => {
    const detail = await as(agent).get(`/tickets/${fenTicket.id}`).expect(200);
    expect(detail.body.citizen.phone).toBe('+90 5** *** ** 77');
    const list = await as(agent).get('/tickets').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('5325556677');
    const citizens = await as(agent).get(`/citizens?phone=${phone}`).expect(200);
    expect(citizens.body.items).toEqual([expect.objectContaining({ phone: '+90 5** *** ** 77', email: 'h***@example.com', tcKimlikNo: '*********46' })]);
    expect(JSON.stringify(citizens.body)).not.toMatch(/5325556677|10000000146|hatice@/);
  });

  it('finds a citizen by TC Kimlik No without ever returning it', async () => {
    const res = await as(agent).get('/citizens?tcKimlikNo=10000000146').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].tcKimlikNo).toBe('*********46');
  });

  it('gives contact details in clear only to roles that call back, for a purpose they give, and logs each read with it', async () => {
    const executive = await loginAs(t, 'executive');
    await as(executive)
      .get(`/tickets/${fenTicket.id}/contact?purpose=${encodeURIComponent('Geri arama')}`)
      .expect(403);
    const missing = await as(fenStaff).get(`/tickets/${fenTicket.id}/contact`).expect(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'purpose', message: expect.stringContaining('Amaç (purpose)') });
    const short = await as(fenStaff)
      .get(`/tickets/${fenTicket.id}/contact?purpose=${encodeURIComponent('  abc    ')}`)
      .expect(400);
    expect(short.body.details).toEqual([{ field: 'purpose', message: 'Amaç (purpose) en az 5 karakter olmalıdır' }]);
    const res = await as(fenStaff)
      .get(`/tickets/${fenTicket.id}/contact?purpose=${encodeURIComponent('Adres teyidi için arama')}`)
      .expect(200);
    expect(res.body).toEqual({ name: 'Hatice Şahin', phone: '+905325556677', email: 'hatice@example.com', shownForSeconds: 60 });
    await as(supervisor)
      .get(`/tickets/${parkTicket.id}/contact?purpose=${encodeURIComponent('Sonuç bilgisi')}`)
      .expect(200);
    const called = await as(agent)
      .get(`/tickets/${fenTicket.id}/contact?purpose=${encodeURIComponent('Vatandaşı geri arama')}`)
      .expect(200);
    expect(called.body).toMatchObject({ phone: '+905325556677', shownForSeconds: 60 });
    const log = await t.dataSource.query('SELECT user_id, purpose FROM pii_access_log ORDER BY accessed_at');
    expect(log).toEqual([
      { user_id: fenStaff.id, purpose: `ticket ${fenTicket.trackingNo}: Adres teyidi için arama` },
      { user_id: supervisor.id, purpose: `ticket ${parkTicket.trackingNo}: Sonuç bilgisi` },
      { user_id: agent.id, purpose: `ticket ${fenTicket.trackingNo}: Vatandaşı geri arama` },
    ]);
  });

  it('keeps department staff out of the admin API', async () => {
    await as(fenStaff).post('/users', { username: 'x', fullName: 'x', role: 'admin', password: 'xxxxxxxxxxxx' }).expect(403);
    await as(fenStaff).get('/citizens').expect(403);
  });
});
