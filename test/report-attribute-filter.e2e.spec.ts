import { localDateOf } from '@app/calendar';
import { categoryId, createTestApp, loginAs, Staff, TestApp, ticketInput } from '@app/testing';

/** Reports filtered by a category's extra field, as the ticket list is: `attribute=code=value`. */
describe('reports filtered by a subject’s extra field', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let executive: Staff;
  let pruning: string;

  const call = (staff: Staff, method: 'get' | 'post' | 'patch', path: string, body?: object) =>
    t.http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent, executive] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'agent'), loginAs(t, 'executive')]);
    pruning = await categoryId(t.dataSource, 'PRK-001');
    const fields = [
      { code: 'agac_sayisi', label: 'Ağaç sayısı', datatype: 'number', required: true },
      {
        code: 'agac_turu',
        label: 'Ağaç türü',
        datatype: 'multivaluelist',
        required: false,
        options: [
          { key: 'cinar', name: 'Çınar' },
          { key: 'cam', name: 'Çam' },
        ],
      },
    ];
    await call(admin, 'patch', `/categories/${pruning}`, { fields }).expect(200);
    // Three pruning requests: 3 trees (plane), 3 trees (pine and plane), 5 trees; and one of another subject.
    for (const attributes of [{ agac_sayisi: 3, agac_turu: ['cinar'] }, { agac_sayisi: 3, agac_turu: ['cam', 'cinar'] }, { agac_sayisi: 5 }])
      await call(agent, 'post', '/tickets', ticketInput({ categoryId: pruning, subject: 'Ağaç budaması', attributes })).expect(201);
    await call(agent, 'post', '/tickets', ticketInput()).expect(201);
    await call(admin, 'post', '/reports/refresh').expect(200);
  });
  afterAll(() => t.close());

  // The report's days are Istanbul's: from 21:00 UTC the UTC date is the day before.
  const day = () => localDateOf(t.clock.now());
  const tickets = async (query: string) =>
    (await call(executive, 'get', `/reports/summary?from=${day()}&to=${day()}${query}`).expect(200)).body.rows[0].tickets;

  it('counts only the tickets whose field has the value, a list field by any of its picked keys', async () => {
    expect(await tickets('')).toBe(4);
    expect(await tickets('&attribute=agac_sayisi%3D3')).toBe(2);
    expect(await tickets('&attribute=agac_sayisi%3D5')).toBe(1);
    expect(await tickets('&attribute=agac_turu%3Dcinar')).toBe(2);
    expect(await tickets('&attribute=agac_turu%3Dcam')).toBe(1);
    expect(await tickets('&attribute=agac_turu%3Dmese')).toBe(0);
  });

  it('refuses a malformed filter with a message naming the field', async () => {
    const { body } = await call(executive, 'get', `/reports/summary?from=${day()}&to=${day()}&attribute=Agac`).expect(400);
    expect(JSON.stringify(body)).toMatch(/attribute/);
  });
});
