import { createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';

/**
 * Reports on a hand-made month (May 2026, Istanbul = UTC+3; working hours 08:30–12:30,
 * 13:30–17:30; 19 May is a holiday). Every expected figure is worked out beside its ticket.
 */
describe('reports', () => {
  let t: TestApp;
  let admin: Staff;
  let executive: Staff;
  let manager: Staff;
  const ids: Record<string, string> = {};
  let fen: string;
  let park: string;
  let pothole: string;
  let other: string;
  let parkCategory: string;
  let m1: string;
  let m2: string;
  let policy: string;
  let citizen: string;
  const month = 'from=2026-05-01&to=2026-05-31';

  const get = (staff: Staff, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
  const post = (staff: Staff, path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body);

  interface Spec {
    kind: string;
    channel: string;
    status: string;
    created: string;
    department?: string;
    category?: string | null;
    mahalle?: string;
    resolution?: string;
    due?: string;
    /** [at, from, to, extra data] status changes as the timeline records them. */
    events?: [string, string, string, Record<string, unknown>?][];
  }

  let seq = 0;
  async function ticket(name: string, s: Spec): Promise<void> {
    seq += 1;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject, description,
                            search_text, created_at, updated_at, routed_at, resolution, resolution_due_at, deadline_policy_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'law_3071', $9, 'x', 'x', $10, $10, $10, $11, $12, $13) RETURNING id`,
      [
        `2026-9${String(seq).padStart(5, '0')}`,
        s.kind,
        s.channel,
        s.status,
        citizen,
        s.department ?? fen,
        s.category === undefined ? pothole : s.category,
        s.mahalle ?? m1,
        `Konu ${name}`,
        s.created,
        s.resolution ?? null,
        s.due ?? null,
        s.due ? policy : null,
      ],
    );
    ids[name] = id;
    for (const [at, from, to, extra] of s.events ?? []) {
      await t.dataSource.query(`INSERT INTO ticket_events (ticket_id, type, data, created_at) VALUES ($1, 'status_changed', $2, $3)`, [
        id,
        { from, to, ...extra },
        at,
      ]);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-06-01T09:00:00Z') });
    [admin, executive, manager] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'executive'), loginAs(t, 'department-manager')]);
    fen = await idByCode(t.dataSource, 'departments', 'FEN');
    park = await idByCode(t.dataSource, 'departments', 'PARK');
    m1 = await idByCode(t.dataSource, 'mahalleler', 'ATATURK');
    m2 = await idByCode(t.dataSource, 'mahalleler', 'CUMHURIYET');
    [{ id: pothole }] = await t.dataSource.query(`SELECT id FROM categories WHERE keywords && ARRAY['çukur']`);
    const cats: { id: string }[] = await t.dataSource.query(`SELECT id FROM categories WHERE id <> $1 ORDER BY name LIMIT 2`, [pothole]);
    [other, parkCategory] = cats.map((c) => c.id);
    [{ id: policy }] = await t.dataSource.query(`SELECT id FROM deadline_policies WHERE code = 'DILEKCE_3071'`);
    [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test Vatandaş') RETURNING id`);

    // T1 complaint: Mon 18 May 09:00 → Wed 20 May 09:00: 2 calendar days; working 450 (Mon) + 0 (19 May) + 30 (Wed) = 480 min = 1 day. Due 19 May: missed.
    await ticket('T1', {
      kind: 'sikayet',
      channel: 'phone',
      status: 'closed',
      created: '2026-05-18T06:00:00Z',
      resolution: 'answered',
      due: '2026-05-19T06:00:00Z',
      events: [
        ['2026-05-20T06:00:00Z', 'new', 'answered'],
        ['2026-05-21T06:00:00Z', 'answered', 'closed'],
      ],
    });
    // T2 complaint reopened and closed twice: 4 May 10:00→15:00 (300 min; 240 working) + 5 May 09:00 → 7 May 09:00 (2880 min; 450+480+30 = 960 working)
    // = 3180 min = 2.2083 days, 1200 working min = 2.5 working days. First answer the same day; due 3 June: met.
    await ticket('T2', {
      kind: 'sikayet',
      channel: 'web',
      status: 'closed',
      created: '2026-05-04T07:00:00Z',
      resolution: 'answered',
      due: '2026-06-03T07:00:00Z',
      events: [
        ['2026-05-04T12:00:00Z', 'in_progress', 'answered'],
        ['2026-05-04T13:00:00Z', 'answered', 'closed'],
        ['2026-05-05T06:00:00Z', 'closed', 'reopened', { reason: 'x' }],
        ['2026-05-07T06:00:00Z', 'reopened', 'answered'],
        ['2026-05-07T07:00:00Z', 'answered', 'closed'],
      ],
    });
    // T3 request solved during the call: 10 minutes, 10 working minutes; the same day.
    await ticket('T3', {
      kind: 'talep',
      channel: 'phone',
      status: 'closed',
      created: '2026-05-05T07:00:00Z',
      resolution: 'solved_during_call',
      category: other,
      events: [
        ['2026-05-05T07:10:00Z', 'new', 'answered', { duringCall: 'CA1' }],
        ['2026-05-05T07:10:00Z', 'answered', 'closed'],
      ],
    });
    // T4 request still open, due 20 May: missed and overdue; 26.08 days old on 1 June 09:00Z.
    await ticket('T4', { kind: 'talep', channel: 'phone', status: 'new', created: '2026-05-06T07:00:00Z', due: '2026-05-20T07:00:00Z' });
    // T5: a duplicate of T1, merged: counted nowhere.
    await ticket('T5', {
      kind: 'sikayet',
      channel: 'sms',
      status: 'merged',
      created: '2026-05-18T07:00:00Z',
      resolution: 'merged',
      events: [['2026-05-18T08:00:00Z', 'new', 'merged']],
    });
    // T6 complaint of Park ve Bahçeler: 7 May 10:00 → 8 May 10:00: 1 day; 390 + 90 = 480 working min = 1 day. Due 10 May: met.
    await ticket('T6', {
      kind: 'sikayet',
      channel: 'web',
      status: 'answered',
      created: '2026-05-07T07:00:00Z',
      department: park,
      category: parkCategory,
      resolution: 'answered',
      due: '2026-05-10T07:00:00Z',
      events: [['2026-05-08T07:00:00Z', 'assigned', 'answered']],
    });
    // T7 muhtar request: 11 May 10:00 → 21 May 10:00: 10 days; 390 + 6×480 + 90 = 3360 working min = 7 days (19 May off). Fulfilled.
    await ticket('T7', {
      kind: 'talep',
      channel: 'muhtar',
      status: 'answered',
      created: '2026-05-11T07:00:00Z',
      mahalle: m2,
      resolution: 'answered',
      events: [['2026-05-21T07:00:00Z', 'new', 'answered']],
    });
    // T8 muhtar complaint rejected: 12 May 10:00 → 14 May 10:00: 2 days, 960 working min = 2 days. Not fulfilled.
    await ticket('T8', {
      kind: 'sikayet',
      channel: 'muhtar',
      status: 'rejected',
      created: '2026-05-12T07:00:00Z',
      mahalle: m2,
      category: other,
      resolution: 'rejected',
      events: [['2026-05-14T07:00:00Z', 'new', 'rejected']],
    });
    // T9 request collected on a muhtar visit by the field team, open; 12.08 days old.
    await ticket('T9', { kind: 'talep', channel: 'field_team', status: 'new', created: '2026-05-20T07:00:00Z', mahalle: m2 });
    await post(admin, '/reports/refresh').expect(200);
  });
  afterAll(() => t.close());

  it('sums up the month: merged duplicates out, the same-day share and the share solved during the call', async () => {
    const { body } = await get(executive, `/reports/summary?${month}`).expect(200);
    // 8 tickets (T5 merged); 2 of them (T2, T3) first answered on the day they came; 1 of 3 phone tickets solved during the call.
    expect(body.rows).toEqual([
      {
        tickets: 8,
        resolved: 6,
        open: 2,
        reopened: 1,
        answeredSameDay: 2,
        answeredSameDayPercent: 25,
        phoneTickets: 3,
        solvedDuringCall: 1,
        solvedDuringCallPercent: 33.3,
      },
    ]);
    expect(body.asOf).toEqual(expect.any(String));
  });

  it('gives resolution times per kind in calendar and working days, over reopenings and across the 19 May holiday', async () => {
    const { body } = await get(executive, `/reports/resolution-times?${month}`).expect(200);
    const byKind = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    // Complaints: days [1, 2 (T1), 2 (T8), 2.2083 (T2)]; working days [1 (T6), 1 (T1), 2 (T8), 2.5 (T2)].
    expect(byKind.sikayet).toMatchObject({
      resolved: 4,
      daysMean: 1.8,
      daysMedian: 2,
      daysP90: 2.15,
      workingDaysMean: 1.63,
      workingDaysMedian: 1.5,
      workingDaysP90: 2.35,
    });
    // Requests: days [0.0069 (T3), 10 (T7)], working days [0.0208, 7]; p90 = a + 0.9 (b − a).
    expect(byKind.talep).toMatchObject({
      resolved: 2,
      daysMean: 5,
      daysMedian: 5,
      daysP90: 9,
      workingDaysMean: 3.51,
      workingDaysMedian: 3.51,
      workingDaysP90: 6.3,
    });
    const byDepartment = await get(executive, `/reports/resolution-times?${month}&groupBy=department`).expect(200);
    expect(byDepartment.body.rows.find((r: { key: string }) => r.key === park)).toMatchObject({ resolved: 1, daysMean: 1, workingDaysMean: 1 });
  });

  it('counts volume per week and channel', async () => {
    const { body } = await get(executive, `/reports/volume?${month}&interval=week`).expect(200);
    expect(body.rows).toEqual([
      { period: '2026-05-04', channel: 'phone', tickets: 2 },
      { period: '2026-05-04', channel: 'web', tickets: 2 },
      { period: '2026-05-11', channel: 'muhtar', tickets: 2 },
      { period: '2026-05-18', channel: 'field_team', tickets: 1 },
      { period: '2026-05-18', channel: 'phone', tickets: 1 },
    ]);
  });

  it('measures deadline compliance per legal basis and policy', async () => {
    const { body } = await get(executive, `/reports/deadline-compliance?${month}`).expect(200);
    // With a deadline: T1 answered late, T2 and T6 on time, T4 open past its deadline.
    expect(body.rows.find((r: { policyId: string | null }) => r.policyId === policy)).toMatchObject({
      legalBasis: 'law_3071',
      tickets: 4,
      resolutionWithDeadline: 4,
      resolutionMet: 2,
      resolutionMissed: 2,
      resolutionPending: 0,
      resolutionMetPercent: 50,
    });
  });

  it('shows the backlog and its age per department', async () => {
    const { body } = await get(executive, `/reports/backlog?${month}`).expect(200);
    // T4 is 26.08 days old and overdue, T9 12.08 days.
    expect(body.rows).toEqual([
      expect.objectContaining({
        departmentId: fen,
        open: 2,
        overdue: 1,
        ageMeanDays: 19.08,
        ageMedianDays: 19.08,
        ageMaxDays: 26.08,
        age0to2: 0,
        age3to7: 0,
        age8to30: 2,
        ageOver30: 0,
      }),
    ]);
  });

  it('lists the top subjects per mahalle', async () => {
    const { body } = await get(executive, `/reports/top-subjects?${month}&top=1`).expect(200);
    expect(body.rows).toEqual(
      expect.arrayContaining([
        // Atatürk: pothole T1, T2, T4 (3) before T3's and T6's categories (1 each); Cumhuriyet: pothole T7, T9 (2) before T8's (1).
        expect.objectContaining({ mahalleId: m1, categoryId: pothole, tickets: 3, rank: 1 }),
        expect.objectContaining({ mahalleId: m2, categoryId: pothole, tickets: 2, rank: 1 }),
      ]),
    );
    expect(body.rows).toHaveLength(2);
  });

  it("confines a department manager's reports to their department whatever filter they send", async () => {
    const own = await get(manager, `/reports/summary?${month}`).expect(200);
    expect(own.body.rows[0].tickets).toBe(7); // all but T5 (merged) and T6 (Park ve Bahçeler)
    const asked = await get(manager, `/reports/summary?${month}&departmentId=${park}`).expect(200);
    expect(asked.body.rows[0].tickets).toBe(0);
    const parkForExecutive = await get(executive, `/reports/summary?${month}&departmentId=${park}`).expect(200);
    expect(parkForExecutive.body.rows[0].tickets).toBe(1);
    const drill = await get(manager, `/reports/tickets?${month}&pageSize=100`).expect(200);
    expect(drill.body.total).toBe(7);
    expect(drill.body.items.map((r: { id: string }) => r.id)).not.toContain(ids.T6);
    const csv = await get(manager, `/reports/tickets/export?${month}`).expect(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(8);
    expect(csv.text).not.toContain('Konu T6');
  });

  it('computes the muhtar indicators beside their targets, with the tickets behind them', async () => {
    const meeting = await post(executive, '/muhtar-activities', {
      kind: 'coordination_meeting',
      title: 'Mayıs koordinasyon toplantısı',
      plannedAt: '2026-05-15T07:00:00Z',
    }).expect(201);
    await post(executive, `/muhtar-activities/${meeting.body.id}/informed`).expect(200);
    await post(executive, `/muhtar-activities/${meeting.body.id}/held`, { heldAt: '2026-05-15T07:30:00Z', attendance: 11 }).expect(200);
    const visit = await post(executive, '/muhtar-activities', {
      kind: 'visit',
      title: 'Cumhuriyet ziyareti',
      mahalleId: m2,
      plannedAt: '2026-05-20T06:00:00Z',
    }).expect(201);
    await post(executive, `/muhtar-activities/${visit.body.id}/held`, { heldAt: '2026-05-20T06:00:00Z', attendance: 1 }).expect(200);
    const cancelled = await post(executive, '/muhtar-activities', { kind: 'visit', title: 'İptal', mahalleId: m1, plannedAt: '2026-05-22T06:00:00Z' }).expect(
      201,
    );
    await post(executive, `/muhtar-activities/${cancelled.body.id}/cancel`).expect(200);
    await post(executive, `/muhtar-activities/${visit.body.id}/tickets`, { ticketId: ids.T9 }).expect(204);
    const refused = await post(executive, `/muhtar-activities/${visit.body.id}/tickets`, { ticketId: ids.T1 }).expect(400);
    expect(refused.body.details[0].field).toBe('ticketId');

    const { body } = await get(executive, `/reports/muhtar-indicators?${month}`).expect(200);
    const by = Object.fromEntries(body.indicators.map((i: { code: string }) => [i.code, i]));
    // 31 of 365 days: 4 × 31/365 = 0.3 meetings and 111 × 31/365 = 9.4 visits due.
    expect(by['PG7.4.1']).toMatchObject({ value: 1, target: 4, targetForPeriod: 0.3, met: true });
    expect(by['PG7.4.2']).toMatchObject({ value: 1, target: 111, targetForPeriod: 9.4, met: false });
    // T7 answered, T8 rejected, T9 (linked to the visit) open: 1 of 3.
    expect(by['PG7.4.3']).toMatchObject({ value: 33.3, target: 85, met: false, basis: { tickets: 3, fulfilled: 1 } });
    expect(by['PG7.4.4']).toMatchObject({ value: 2, target: 18, met: true });
    expect(by['PG7.4.5']).toMatchObject({ value: 10, target: 70, met: true });
    // Targets and weights come from the data file's muhtarPlan; 2026 carries the plan's last year (2024).
    expect(body.indicators.map((i: { weight: number }) => i.weight)).toEqual([30, 30, 20, 10, 10]);
    expect(by['PG7.4.2']).toMatchObject({ planPeriod: '2024', targetCarried: true, achievement: 0.106 });
    // 30×1 + 30×0.106 + 20×0.392 + 10×1 + 10×1 = 61.0
    expect(body.score).toEqual({ value: 61, weightCounted: 100, weightTotal: 100 });
    const drill = await get(executive, `/reports/muhtar-indicators/PG7.4.3/tickets?${month}`).expect(200);
    expect(drill.body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.T7, ids.T8, ids.T9].sort());
    const visits = await get(executive, `/muhtar-activities?${month}&kind=visit&held=true`).expect(200);
    expect(visits.body.map((v: { id: string }) => v.id)).toEqual([visit.body.id]);
  });

  it.each([
    ['from=2026-05-31&to=2026-05-01', 'to'],
    ['from=2026-05-01', 'to'],
    ['to=2026-05-01', 'from'],
    ['from=2025-01-01&to=2026-05-01', 'to'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    [`${month}&colour=red`, 'colour'],
    [`${month}&channel=fax`, 'channel'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await get(executive, `/reports/summary?${query}`).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses reports to agents', async () => {
    await get(await loginAs(t, 'agent'), `/reports/summary?${month}`).expect(403);
  });

  it('recomputes a ticket after it changes (the trigger queues it for the refresh)', async () => {
    await t.dataSource.query(`UPDATE tickets SET status = 'merged', resolution = 'merged' WHERE id = $1`, [ids.T3]);
    await post(admin, '/reports/refresh').expect(200);
    const { body } = await get(executive, `/reports/summary?${month}`).expect(200);
    expect(body.rows[0]).toMatchObject({ tickets: 7, solvedDuringCall: 0 });
    await t.dataSource.query(`UPDATE tickets SET status = 'closed', resolution = 'solved_during_call' WHERE id = $1`, [ids.T3]);
    await post(admin, '/reports/refresh').expect(200);
  });
});
