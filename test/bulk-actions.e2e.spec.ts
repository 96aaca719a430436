import { createTestApp, idByCode, loginAs, mobile, Staff, TestApp } from '@app/testing';
import { quiescent } from './security/world';

/** Assign, transfer or close a selection: each ticket through its own action, a result per ticket. */
describe('bulk actions on the ticket list', () => {
  let t: TestApp;
  let agent: Staff;
  let supervisor: Staff;
  let fen: Staff;
  let fenManager: Staff;
  let fenId: string;
  let parkId: string;

  const bulk = (staff: Staff, body: object) => t.http().post('/api/v1/tickets/bulk').set('Authorization', `Bearer ${staff.token}`).send(body);
  const create = async (departmentId: string) =>
    (
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send({
          channel: 'phone',
          kind: 'sikayet',
          departmentId,
          subject: 'Kaldırım kırık',
          description: 'Kaldırım taşları yerinden çıkmış.',
          citizen: { fullName: 'Toplu İşlem', phone: mobile() },
        })
        .expect(201)
    ).body.id as string;
  /** What a refused or skipped ticket must keep: every column but the read model's, and its timeline. */
  const state = async (id: string) => {
    // Background work (routing, the backlog hand-out) settled first: what changes then, the request changed.
    await quiescent(t);
    const [row] = await t.dataSource.query(
      `SELECT t.version, t.status, t.department_id, t.assignee_id, t.resolution_note, (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id)::int AS events,
              (SELECT count(*) FROM outbound_messages o WHERE o.ticket_id = t.id)::int AS notices
         FROM tickets t WHERE t.id = $1`,
      [id],
    );
    return row;
  };
  const events = async (id: string, type: string) =>
    (await t.dataSource.query(`SELECT body, data FROM ticket_events WHERE ticket_id = $1 AND type = $2 ORDER BY seq`, [id, type])) as {
      body: string | null;
      data: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    [agent, supervisor, fen, fenManager] = await Promise.all(['agent', 'supervisor', 'department-staff', 'department-manager'].map((u) => loginAs(t, u)));
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkId = await idByCode(t.dataSource, 'departments', 'PARK');
  });
  afterAll(() => t.close());

  it("assigns a department's own tickets and answers 404 for another department's, which stays as it was", async () => {
    const [a, b, park] = [await create(fenId), await create(fenId), await create(parkId)];
    const before = await state(park);
    const res = await bulk(fen, { ids: [a, park, b], action: 'assign', assigneeId: fen.id }).expect(200);
    expect(res.body).toEqual({
      results: [
        { id: a, ok: true },
        { id: park, ok: false, status: 404, message: 'Başvuru bulunamadı' },
        { id: b, ok: true },
      ],
    });
    for (const id of [a, b]) expect(await state(id)).toMatchObject({ assignee_id: fen.id, status: 'assigned' });
    expect(await events(a, 'assigned')).toHaveLength(1);
    expect(await state(park)).toEqual(before);
  });

  it('transfers with the reason in each timeline, and a ticket already there is its own row’s 400', async () => {
    const [a, b, there] = [await create(fenId), await create(fenId), await create(parkId)];
    const res = await bulk(agent, { ids: [a, b, there], action: 'transfer', departmentId: parkId, reason: 'Park ve Bahçelerin işi' }).expect(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(res.body.results[2]).toMatchObject({ status: 400, message: expect.stringContaining('departmentId') });
    for (const id of [a, b]) {
      expect(await state(id)).toMatchObject({ department_id: parkId });
      expect(await events(id, 'transferred')).toEqual([
        { body: 'Park ve Bahçelerin işi', data: expect.objectContaining({ fromDepartmentId: fenId, toDepartmentId: parkId }) },
      ]);
    }
  });

  it('closes with one note the citizen is told, and reports a ticket already closed as its own conflict', async () => {
    const [a, b] = [await create(fenId), await create(fenId)];
    await bulk(supervisor, { ids: [b], action: 'close', note: 'İlk kapanış notu.' }).expect(200);
    const closedBefore = await state(b);
    const res = await bulk(supervisor, { ids: [a, b], action: 'close', note: 'Kaldırım onarıldı, teşekkür ederiz.' }).expect(200);
    expect(res.body.results[0]).toEqual({ id: a, ok: true });
    expect(res.body.results[1]).toMatchObject({ id: b, ok: false, status: 409 });
    expect(await state(a)).toMatchObject({ status: 'closed', resolution_note: 'Kaldırım onarıldı, teşekkür ederiz.' });
    expect((await events(a, 'status_changed')).map((e) => e.data)).toEqual([
      expect.objectContaining({ to: 'answered' }),
      expect.objectContaining({ from: 'answered', to: 'closed' }),
    ]);
    expect(await events(a, 'reply_out')).toEqual([expect.objectContaining({ body: 'Kaldırım onarıldı, teşekkür ederiz.' })]);
    const [notice] = await t.dataSource.query(`SELECT purpose FROM outbound_messages WHERE ticket_id = $1`, [a]);
    expect(notice).toEqual({ purpose: 'answered' });
    expect(await state(b)).toEqual(closedBefore);
  });

  it("closes nothing of another department's for a department manager", async () => {
    const [own, park] = [await create(fenId), await create(parkId)];
    const before = await state(park);
    const res = await bulk(fenManager, { ids: [park, own], action: 'close', note: 'Toplu kapanış notu.' }).expect(200);
    expect(res.body.results).toEqual([
      { id: park, ok: false, status: 404, message: 'Başvuru bulunamadı' },
      { id: own, ok: true },
    ]);
    expect(await state(park)).toEqual(before);
  });

  it('refuses a bad request whole with a 400 naming the field, changing nothing', async () => {
    const id = await create(fenId);
    const before = await state(id);
    const uuids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const [body, field] of [
      [{ ids: [], action: 'assign', assigneeId: fen.id }, 'ids'],
      [{ ids: uuids(101), action: 'close', note: 'Not yazıldı.' }, 'ids'],
      [{ ids: ['yok'], action: 'close', note: 'Not yazıldı.' }, 'ids'],
      [{ ids: [id, id], action: 'close', note: 'Not yazıldı.' }, 'ids'],
      [{ ids: [id], action: 'delete' }, 'action'],
      [{ ids: [id], action: 'close' }, 'note'],
      [{ ids: [id], action: 'assign' }, 'assigneeId'],
      [{ ids: [id], action: 'transfer', departmentId: parkId }, 'reason'],
      [{ ids: [id], action: 'transfer', reason: 'Yanlış birim' }, 'departmentId'],
      [{ ids: [id], action: 'close', note: 'Not yazıldı.', extra: 1 }, 'extra'],
    ] as const) {
      const res = await bulk(supervisor, body).expect(400);
      expect({ body, fields: res.body.details.map((d: { field: string }) => d.field) }).toEqual({ body, fields: expect.arrayContaining([field]) });
    }
    expect(await state(id)).toEqual(before);
  });
});
