import { createTestApp, loginAs, Staff, TestApp, ticketInput } from '@app/testing';

// A bound of 3 so the capped count is cheap to reach; production counts to 10,000.
describe('Ticket list: the count stops at TICKET_LIST_COUNT_LIMIT', () => {
  let t: TestApp;
  let agent: Staff;

  beforeAll(async () => {
    t = await createTestApp({ env: { TICKET_LIST_COUNT_LIMIT: '3' } });
    agent = await loginAs(t, 'agent');
    const subjects = ['Çukur bir', 'Çukur iki', 'Çukur üç', 'Lamba bir', 'Lamba iki'];
    for (const subject of subjects)
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send(ticketInput({ subject, description: subject }))
        .expect(201);
  });
  afterAll(() => t.close());

  const list = async (query: string) => (await t.http().get(`/api/v1/tickets?${query}`).set('Authorization', `Bearer ${agent.token}`).expect(200)).body;

  it('answers the bound and totalCapped when more tickets match', async () => {
    const page = await list('pageSize=2');
    expect(page).toMatchObject({ total: 3, totalCapped: true, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('still serves every page past the bound', async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => list(`pageSize=2&page=${n}&sort=createdAt`)));
    const ids = pages.flatMap((p) => p.items.map((i: { id: string }) => i.id));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(pages[2]).toMatchObject({ total: 3, totalCapped: true });
  });

  it('counts exactly up to the bound, filters and search applied', async () => {
    expect(await list('q=cukur')).toMatchObject({ total: 3, totalCapped: false });
    expect(await list('q=lamba')).toMatchObject({ total: 2, totalCapped: false });
    expect(await list('q=yok-boyle-bir-sey')).toMatchObject({ total: 0, totalCapped: false, items: [] });
  });
});
