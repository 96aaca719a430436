import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';

describe('routing rules: exceptions to the category map, managed by admins', () => {
  let t: TestApp;
  let admin: Staff;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const api = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
  });

  /** A citizen's SMS, processed; returns the department code it was routed to and the timeline's routing entry. */
  async function routedSms(text: string) {
    const id = `SM-rule-${(seq += 1)}`;
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: id, payload: { MessageSid: id, From: `+90536${String(3_000_000 + seq)}`, Body: text } })
      .expect(202);
    return waitFor('ticket routed', async () => {
      const [row] = await t.dataSource.query(
        `SELECT d.code, (SELECT data FROM ticket_events WHERE ticket_id = t.id AND type = 'routed') AS routed
           FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id JOIN departments d ON d.id = t.department_id
          WHERE e.id = $1 AND t.routed_at IS NOT NULL`,
        [res.body.eventId],
      );
      return row as { code: string; routed: { ruleId: string | null } } | undefined;
    });
  }

  it('sends park maintenance in one mahalle to another department, and back once the rule is deleted', async () => {
    const park = await categoryId(t.dataSource, 'PRK-001');
    const guzelyali = await idByCode(t.dataSource, 'mahalleler', 'GUZELYALI');
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const text = 'Güzelyalı Mahallesi parkında park bakımı yapılmıyor, çimler uzadı';

    expect(await routedSms(text)).toMatchObject({ code: 'PARK', routed: { ruleId: null } });
    const rule = await api(admin).post('/routing-rules', { categoryId: park, mahalleId: guzelyali, departmentId: fen }).expect(201);
    expect(rule.body).toMatchObject({ categoryId: park, mahalleId: guzelyali, kind: null, departmentId: fen, active: true });
    expect(await routedSms(text)).toMatchObject({ code: 'FEN', routed: { ruleId: rule.body.id } });
    expect(await routedSms('Atatürk Mahallesi parkında park bakımı yapılmıyor')).toMatchObject({ code: 'PARK' });

    await api(admin).delete(`/routing-rules/${rule.body.id}`).expect(204);
    expect((await api(admin).get('/routing-rules').expect(200)).body).toEqual([]);
    expect(await routedSms(text)).toMatchObject({ code: 'PARK', routed: { ruleId: null } });
  });

  it('refuses a rule that matches everything, or points at nothing, naming the field; only admins write', async () => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const empty = await api(admin).post('/routing-rules', { departmentId: fen }).expect(400);
    expect(empty.body.details[0].field).toBe('categoryId');
    const nowhere = await api(admin).post('/routing-rules', { kind: 'ihbar', departmentId: '6f1c2f0e-0000-4000-8000-000000000000' }).expect(400);
    expect(nowhere.body.details[0].field).toBe('departmentId');
    const badKind = await api(admin).post('/routing-rules', { kind: 'dilek', departmentId: fen }).expect(400);
    expect(badKind.body.details[0].field).toBe('kind');
    const agent = await loginAs(t, 'agent');
    await api(agent).post('/routing-rules', { kind: 'ihbar', departmentId: fen }).expect(403);
    await api(admin).delete('/routing-rules/6f1c2f0e-0000-4000-8000-000000000000').expect(404);
  });
});
