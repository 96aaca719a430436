import { createTestApp, loginAs, queryRoutes, Staff, TestApp, ticketInput, validatedClasses, validatedFields } from '@app/testing';
import { FIELD_LABELS } from '@app/common';
import { AppConfig } from '@app/config';

/** Every validation message the staff and citizens see is Turkish, naming the field by its label; the body still names the key. */
describe('validation messages in Turkish', () => {
  let t: TestApp;
  let agent: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    agent = await loginAs(t, 'agent');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${agent.token}`).send(body);

  it('has a Turkish label for every field of every request body and query the API validates', () => {
    // The settings are the operator's, read at boot, not a request's.
    const requests = validatedClasses().filter((dto) => dto !== AppConfig && !(AppConfig.prototype instanceof dto));
    const fields = new Set(requests.flatMap((dto) => Object.values(validatedFields(dto)).flat()));
    expect(fields.size).toBeGreaterThan(200);
    expect([...fields].filter((key) => !FIELD_LABELS[key]).sort()).toEqual([]);
  });

  it('names the field by its label and key in the message, and by its key in `field`', async () => {
    const short = await post('/tickets', ticketInput({ subject: 'ab' })).expect(400);
    expect(short.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Geçersiz alan: subject',
      details: [{ field: 'subject', message: 'Başlık (subject) en az 3 karakter olmalıdır' }],
    });
    const nested = await post('/tickets', ticketInput({ kind: 'dilekce', citizen: { fullName: 'A', phone: '05321234567' } })).expect(400);
    expect(nested.body.details).toEqual(
      expect.arrayContaining([
        { field: 'kind', message: expect.stringMatching(/^Başvuru türü \(kind\) şunlardan biri olmalıdır: .*sikayet/) },
        { field: 'citizen.fullName', message: 'Ad soyad (fullName) en az 2 karakter olmalıdır' },
      ]),
    );
    const unknown = await post('/tickets', ticketInput({ priorityBoost: 3 })).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'priorityBoost', message: 'Bilinmeyen alan (priorityBoost) gönderilemez' }]);
    const query = await t.http().get('/api/v1/tickets?pageSize=500').set('Authorization', `Bearer ${agent.token}`).expect(400);
    expect(query.body.details).toEqual([{ field: 'pageSize', message: 'Sayfa boyutu (pageSize) en fazla 100 olmalıdır' }]);
    // A DTO's own wording stays, after the field's name.
    const status = await t.http().get('/api/v1/public/tickets/2026-000001?phoneLast4=12').expect(400);
    expect(status.body.details).toEqual([{ field: 'phoneLast4', message: 'Telefonun son 4 hanesi (phoneLast4): telefon numaranızın son dört hanesi olmalı' }]);
  });

  it('reads a blank query value as a filter left out, as a form with an empty select sends it, on every list', async () => {
    const admin = await loginAs(t, 'admin');
    const lists = queryRoutes(t.app).filter((route) => !route.path.includes(':') && !route.required.length && route.optional.length);
    expect(lists.length).toBeGreaterThan(20);
    const differing: string[] = [];
    for (const { path, optional } of lists) {
      const get = (query: string) => t.http().get(`${path}${query}`).set('Authorization', `Bearer ${admin.token}`);
      const [plain, blank] = [await get(''), await get(`?${optional.map((name) => `${name}=`).join('&')}`)];
      if (plain.status !== blank.status || blank.status >= 400)
        differing.push(`${path}: ${plain.status} / ${blank.status} ${JSON.stringify(blank.body).slice(0, 160)}`);
    }
    expect(differing).toEqual([]);
  });
});
