import { createTestApp, loginAs, Staff, TestApp } from '@app/testing';

describe('saved views of the ticket list, per user', () => {
  let t: TestApp;
  let agent: Staff;
  let fen: Staff;

  const as = (staff: Staff) => ({
    list: () => t.http().get('/api/v1/desk/views').set('Authorization', `Bearer ${staff.token}`),
    save: (body: object) => t.http().post('/api/v1/desk/views').set('Authorization', `Bearer ${staff.token}`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/desk/views/${id}`).set('Authorization', `Bearer ${staff.token}`),
  });
  const fields = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await createTestApp();
    [agent, fen] = await Promise.all(['agent', 'department-staff'].map((u) => loginAs(t, u)));
  });
  afterAll(() => t.close());

  it('saves a view with the list’s own query, lists only one’s own, and the query opens the list as saved', async () => {
    const query = { status: ['new', 'assigned'], overdue: true, sort: '-updatedAt', q: 'kaldırım', pageSize: 50 };
    const saved = await as(agent).save({ name: 'Geciken kaldırımlar', query }).expect(201);
    expect(saved.body).toEqual({ id: expect.any(String), name: 'Geciken kaldırımlar', query, createdAt: expect.any(String) });
    expect((await as(agent).list().expect(200)).body).toEqual([saved.body]);
    expect((await as(fen).list().expect(200)).body).toEqual([]);
    const params = new URLSearchParams({ ...query, status: query.status.join(','), overdue: 'true', pageSize: '50' } as Record<string, string>);
    await t.http().get(`/api/v1/tickets?${params.toString()}`).set('Authorization', `Bearer ${agent.token}`).expect(200);
  });

  it('deletes one’s own view (204) and answers 404 for another user’s, which stays', async () => {
    const mine = (await as(fen).save({ name: 'Benim', query: {} }).expect(201)).body.id;
    await as(agent).remove(mine).expect(404);
    expect((await as(fen).list().expect(200)).body.map((v: { id: string }) => v.id)).toContain(mine);
    await as(fen).remove(mine).expect(204);
    await as(fen).remove(mine).expect(404);
    expect((await as(fen).list().expect(200)).body).toEqual([]);
  });

  it.each([
    [{ name: '', query: {} }, 'name'],
    [{ name: 'x'.repeat(61), query: {} }, 'name'],
    [{ name: 'Ad', query: 'status=new' }, 'query'],
    [{ name: 'Ad', query: { status: 'silinmis' } }, 'query.status'],
    [{ name: 'Ad', query: { sort: 'telefon' } }, 'query.sort'],
    [{ name: 'Ad', query: { departmentId: 'fen' } }, 'query.departmentId'],
    [{ name: 'Ad', query: { pageSize: 1000 } }, 'query.pageSize'],
    [{ name: 'Ad', query: { citizenPhone: '05321234567' } }, 'query.citizenPhone'],
    // A view keeps a filter, never a person.
    [{ name: 'Ad', query: { q: '0532 123 45 67' } }, 'query.q'],
    [{ name: 'Ad', query: { q: 'ayse@example.com' } }, 'query.q'],
    [{ name: 'Ad', query: { q: '10000000146' } }, 'query.q'],
  ])('refuses %j with a 400 naming %s, saving nothing', async (body, field) => {
    const res = await as(agent).save(body).expect(400);
    expect(fields(res)).toContain(field);
    expect((await as(agent).list()).body.every((v: { name: string }) => v.name !== 'Ad')).toBe(true);
  });

  it('keeps at most 50 views per user (409 beyond), and another user still may save', async () => {
    const existing = (await as(agent).list()).body.length;
    for (let i = existing; i < 50; i += 1)
      await as(agent)
        .save({ name: `Görünüm ${i}`, query: { page: 1 } })
        .expect(201);
    const over = await as(agent).save({ name: 'Elli birinci', query: {} }).expect(409);
    expect(over.body.message).toMatch(/50/);
    expect((await as(agent).list()).body).toHaveLength(50);
    await as(fen).save({ name: 'Başkasının', query: {} }).expect(201);
  });
});
