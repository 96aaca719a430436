import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';

/**
 * The public map and figures on a hand-made May 2026 (Istanbul = UTC+3). Every expected figure
 * is worked out beside its ticket.
 */
describe('public map and statistics', () => {
  let t: TestApp;
  let admin: Staff;
  const month = 'from=2026-05-01&to=2026-05-31';
  let seq = 0;

  interface Spec {
    kind?: string;
    status: string;
    department: string;
    category: string;
    mahalle: string;
    created: string;
    due?: string;
    answered?: string;
    at?: [number, number];
  }

  async function ticket(s: Spec, citizen: string): Promise<void> {
    seq += 1;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject,
                            description, search_text, created_at, updated_at, routed_at, resolution, resolution_due_at, answered_at,
                            latitude, longitude, contact_name, address)
       VALUES ($1, $2, 'web', $3, $4, $5, $6, $7, 'law_3071', 'Ayşe Hanımın kapısı', 'Ayşe Yılmaz yazdı', 'x', $8, $8, $8, $9, $10, $11, $12, $13,
               'Ayşe Yılmaz', 'Gül Sokak No 7')
       RETURNING id`,
      [
        `2026-8${String(seq).padStart(5, '0')}`,
        s.kind ?? 'sikayet',
        s.status,
        citizen,
        s.department,
        s.category,
        s.mahalle,
        s.created,
        s.answered ? 'answered' : null,
        s.due ?? null,
        s.answered ?? null,
        s.at?.[0] ?? null,
        s.at?.[1] ?? null,
      ],
    );
    if (s.answered) {
      await t.dataSource.query(`INSERT INTO ticket_events (ticket_id, type, data, created_at) VALUES ($1, 'status_changed', $2, $3)`, [
        id,
        { from: 'in_progress', to: 'answered' },
        s.answered,
      ]);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-06-01T09:00:00Z') });
    admin = await loginAs(t, 'admin');
    const [fen, park, m1, m2, pothole, parkCare] = await Promise.all([
      idByCode(t.dataSource, 'departments', 'FEN'),
      idByCode(t.dataSource, 'departments', 'PARK'),
      idByCode(t.dataSource, 'mahalleler', 'ATATURK'),
      idByCode(t.dataSource, 'mahalleler', 'CUMHURIYET'),
      categoryId(t.dataSource, 'FEN-001'),
      categoryId(t.dataSource, 'PRK-001'),
    ]);
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Ayşe Yılmaz') RETURNING id`);
    const fenM1 = { department: fen, category: pothole, mahalle: m1 };
    // A: 4 May 10:00 → 5 May 10:00, 1 day, due 10 May: in time. At (36.88541, 30.70563) → (36.885, 30.706).
    await ticket(
      {
        ...fenM1,
        status: 'answered',
        created: '2026-05-04T07:00:00Z',
        answered: '2026-05-05T07:00:00Z',
        due: '2026-05-10T07:00:00Z',
        at: [36.88541, 30.70563],
      },
      citizen,
    );
    // B: 6 May → 9 May, 3 days, due 8 May: late. At (36.88549, 30.70551) → the same rounded point as A.
    await ticket(
      {
        ...fenM1,
        status: 'answered',
        created: '2026-05-06T07:00:00Z',
        answered: '2026-05-09T07:00:00Z',
        due: '2026-05-08T07:00:00Z',
        at: [36.88549, 30.70551],
      },
      citizen,
    );
    // C: open, Cumhuriyet, at (36.90012, 30.71234) → (36.9, 30.712).
    await ticket({ ...fenM1, mahalle: m2, status: 'new', created: '2026-05-07T07:00:00Z', due: '2026-06-10T07:00:00Z', at: [36.90012, 30.71234] }, citizen);
    // D: Park, Cumhuriyet: 8 May 10:00 → 10 May 22:00 = 2.5 days, due 20 May: in time; no location.
    await ticket(
      {
        department: park,
        category: parkCare,
        mahalle: m2,
        status: 'answered',
        created: '2026-05-08T07:00:00Z',
        answered: '2026-05-10T19:00:00Z',
        due: '2026-05-20T07:00:00Z',
      },
      citizen,
    );
    // E: an ihbar, open, with a location: counted, never on the map.
    await ticket({ ...fenM1, kind: 'ihbar', status: 'new', created: '2026-05-12T07:00:00Z', at: [36.91, 30.72] }, citizen);
    // F: filed in April, answered 2 May: on the map (answered in the period), not in May's figures.
    await ticket({ ...fenM1, status: 'answered', created: '2026-04-10T07:00:00Z', answered: '2026-05-02T07:00:00Z', at: [36.87, 30.69] }, citizen);
    // G: answered in April: neither.
    await ticket({ ...fenM1, status: 'answered', created: '2026-04-01T07:00:00Z', answered: '2026-04-20T07:00:00Z', at: [36.86, 30.68] }, citizen);
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
  });
  afterAll(() => t.close());

  it('gives per department and mahalle the applications received, the share answered in time and the median answer time, without a login', async () => {
    const res = await t.http().get(`/api/v1/public/statistics?${month}`).expect(200);
    expect(res.body).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
      days: 31,
      // Fen: A, B, C, E received; A and B answered, A in time; median of 1 and 3 days = 2.
      // Park: D, in time, 2.5 days.
      departments: [
        { name: 'Fen İşleri Müdürlüğü', received: 4, answered: 2, answeredInTime: 1, inTimeShare: 0.5, medianDays: 2 },
        { name: 'Park ve Bahçeler Müdürlüğü', received: 1, answered: 1, answeredInTime: 1, inTimeShare: 1, medianDays: 2.5 },
      ],
      // Atatürk: A, B, E; Cumhuriyet: C, D.
      mahalleler: [
        { name: expect.any(String), received: 3, answered: 2, answeredInTime: 1, inTimeShare: 0.5, medianDays: 2 },
        { name: expect.any(String), received: 2, answered: 1, answeredInTime: 1, inTimeShare: 1, medianDays: 2.5 },
      ],
    });
    const [m1, m2] = await Promise.all(
      ['ATATURK', 'CUMHURIYET'].map(async (code) => (await t.dataSource.query(`SELECT name FROM mahalleler WHERE code = $1`, [code]))[0].name),
    );
    expect(res.body.mahalleler.map((m: { name: string }) => m.name)).toEqual([m1, m2]);
  });

  it('maps open and recently answered applications on rounded points, by category and mahalle, never an ihbar or a name', async () => {
    const res = await t.http().get(`/api/v1/public/map?${month}`).expect(200);
    const [atat] = await t.dataSource.query(`SELECT name FROM mahalleler WHERE code = 'ATATURK'`);
    const [cumh] = await t.dataSource.query(`SELECT name FROM mahalleler WHERE code = 'CUMHURIYET'`);
    expect(res.body).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
      days: 31,
      decimals: 3,
      points: [
        { lat: 36.87, long: 30.69, category: 'Yolda çukur / bozuk asfalt', mahalle: atat.name, state: 'answered', count: 1 },
        { lat: 36.885, long: 30.706, category: 'Yolda çukur / bozuk asfalt', mahalle: atat.name, state: 'answered', count: 2 },
        { lat: 36.9, long: 30.712, category: 'Yolda çukur / bozuk asfalt', mahalle: cumh.name, state: 'open', count: 1 },
      ],
    });
    const text = JSON.stringify(res.body) + JSON.stringify((await t.http().get(`/api/v1/public/statistics?${month}`)).body);
    for (const personal of ['Ayşe', 'Yılmaz', 'Gül Sokak', '2026-8']) expect(text).not.toContain(personal);
  });

  it('refuses a malformed or too long period with a 400 naming the field', async () => {
    expect((await t.http().get('/api/v1/public/statistics?from=2026-05-40').expect(400)).body.details[0].field).toBe('from');
    expect((await t.http().get('/api/v1/public/map?from=2020-01-01&to=2026-05-31').expect(400)).body.details[0].field).toBe('to');
  });

  it('serves the page, which loads nothing from outside', async () => {
    const page = await t.http().get('/basvuru/seffaflik').expect(200);
    expect(page.text).toContain('yaklaşık 100 metreye yuvarlanmıştır');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const script = (await t.http().get('/basvuru/seffaflik.js').expect(200)).text;
    for (const text of [page.text, script]) expect(text.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
  });
});
