import { createTestApp, loginAs, Staff, TestApp, ticketInput } from '@app/testing';

describe('Turkish free-text search', () => {
  let t: TestApp;
  let agent: Staff;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    agent = await loginAs(t, 'agent');
    const texts = {
      sikayet: ['Gürültü şikâyeti', 'Gece yarısı müzik sesi'],
      isik: ['Sokak lambası', 'IŞIK yanmıyor, sokak karanlık'],
      istanbul: ['Adres sorunu', 'İSTANBUL caddesi üzerindeki kaldırım'],
      cop: ['Çöp', 'Konteynerler taşıyor'],
    };
    for (const [key, [subject, description]] of Object.entries(texts)) {
      const res = await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${agent.token}`).send(ticketInput({ subject, description })).expect(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const search = async (q: string) => {
    const res = await t
      .http()
      .get(`/api/v1/tickets?q=${encodeURIComponent(q)}`)
      .set('Authorization', `Bearer ${agent.token}`)
      .expect(200);
    return res.body.items.map((i: { id: string }) => i.id);
  };

  it.each([
    ['sikayet', 'sikayet'],
    ['ŞİKAYET', 'sikayet'],
    ['Şikâyet', 'sikayet'],
    ['ısık', 'isik'],
    ['ISIK', 'isik'],
    ['ışık', 'isik'],
    ['istanbul', 'istanbul'],
    ['İstanbul', 'istanbul'],
    ['ISTANBUL', 'istanbul'],
    ['cop', 'cop'],
    ['ÇÖP', 'cop'],
  ])('"%s" finds the %s ticket and only it', async (q, key) => {
    expect(await search(q)).toEqual([ids[key]]);
  });

  it('finds by tracking number', async () => {
    const [row] = await t.dataSource.query('SELECT tracking_no FROM tickets WHERE id = $1', [ids.cop]);
    expect(await search(row.tracking_no)).toEqual([ids.cop]);
  });

  it('treats LIKE wildcards as plain text', async () => {
    expect(await search('%%')).toEqual([]);
    expect(await search('__')).toEqual([]);
  });
});
