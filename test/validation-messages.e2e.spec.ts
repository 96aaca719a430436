import { createTestApp, loginAs, Staff, TestApp, ticketInput } from '@app/testing';
import { FIELD_LABELS } from '@app/common';

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

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

  it('has a Turkish label for every field of every request body and query the API documents', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
    const fields = new Set<string>();
    for (const schema of Object.values(doc.components.schemas)) for (const key of Object.keys(schema.properties ?? {})) fields.add(key);
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops)) for (const p of op.parameters ?? []) if (p.in === 'query') fields.add(p.name);
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
});
