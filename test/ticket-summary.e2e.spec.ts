import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

/** The two read endpoints the staff screens added: the manager summary and a ticket's notices. */
describe('ticket summary and per-ticket notifications', () => {
  let t: TestApp;
  let admin: Staff;
  let fenManager: Staff;
  let fenStaff: Staff;
  let agent: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    fenManager = await loginAs(t, 'department-manager');
    fenStaff = await loginAs(t, 'department-staff');
    agent = await loginAs(t, 'agent');
  });
  afterAll(() => t.close());

  const as = (s: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${s.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${s.token}`).send(body),
  });

  async function routed(serviceCode: string, subject: string) {
    const res = await as(agent)
      .post('/tickets', ticketInput({ categoryId: await categoryId(t.dataSource, serviceCode), subject }))
      .expect(201);
    return waitFor('routed', async () => {
      const { body } = await as(admin).get(`/tickets/${res.body.id}`);
      return body.department ? body : null;
    });
  }

  it('counts open, overdue and answered per department and subject, within the caller’s reach', async () => {
    const lamp = await routed('FEN-002', 'Kaldırım kırık');
    await routed('FEN-002', 'Bir kaldırım daha kırık');
    await routed('PRK-001', 'Park bakımsız');
    await as(fenStaff).post(`/tickets/${lamp.id}/status`, { version: lamp.version, status: 'answered', note: 'Kaldırım onarıldı' }).expect(200);
    t.clock.advance(400 * 24 * 3600_000); // every deadline has passed

    const all = (await as(admin).get('/tickets/summary').expect(200)).body;
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    expect(all).toEqual(
      expect.arrayContaining([
        {
          department: { id: fen, name: 'Fen İşleri Müdürlüğü' },
          category: { id: expect.any(String), name: 'Kırık kaldırım veya bordür' },
          open: 1,
          overdue: 1,
          answered: 1,
        },
        expect.objectContaining({ department: expect.objectContaining({ name: 'Park ve Bahçeler Müdürlüğü' }), open: 1, overdue: 1, answered: 0 }),
      ]),
    );
    const own = (await as(fenManager).get('/tickets/summary').expect(200)).body;
    expect(own.map((r: { department: { id: string } }) => r.department.id)).toEqual([fen]);
    await as(agent).get('/tickets/summary').expect(403);
    await as(fenStaff).get('/tickets/summary').expect(403);
  });

  it('lists a ticket’s notices with delivery state to those who may see the ticket, and 404 to other departments', async () => {
    const park = await routed('PRK-001', 'Çimler biçilmedi');
    await as(agent).post(`/tickets/${park.id}/entries`, { type: 'reply', body: 'Ekibimiz yarın biçecek' }).expect(201);
    const notices = await waitFor('the reply notice', async () => {
      const { body } = await as(agent).get(`/tickets/${park.id}/notifications`).expect(200);
      return body.items.length ? body.items : null;
    });
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticketId: park.id, body: expect.stringContaining('Ekibimiz yarın biçecek'), state: expect.any(String) }),
      ]),
    );
    expect(JSON.stringify(notices)).not.toMatch(/\+90532\d{7}/);
    await as(fenStaff).get(`/tickets/${park.id}/notifications`).expect(404);
  });
});
