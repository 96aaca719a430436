import { createTestApp, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

describe('business calendar and deadline policies, edited by admins', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let pothole: string;

  // Tuesday 27 October 2026, 10:00 in Istanbul: the eve of Republic Day is tomorrow afternoon.
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-10-27T07:00:00Z') });
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
    [{ id: pothole }] = await t.dataSource.query(`SELECT id FROM categories WHERE keywords && ARRAY['çukur']`);
  });
  afterAll(() => t.close());

  const api = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
  });

  /** A pothole complaint (the call-back target: first response in 2 working days, done in 7 days), once routed. */
  async function routedTicket() {
    const res = await api(agent)
      .post('/tickets', ticketInput({ categoryId: pothole }))
      .expect(201);
    return waitFor(`ticket ${res.body.trackingNo} routed`, async () => {
      const { body } = await api(agent).get(`/tickets/${res.body.id}`);
      return body.routedAt ? body : null;
    });
  }

  it('lists the year: Law 2429 holidays with the eves as half days', async () => {
    const { body } = await api(admin).get('/calendar?year=2026').expect(200);
    expect(body).toMatchObject({ year: 2026, workingHours: '08:30-12:30,13:30-17:30', overrides: [] });
    expect(body.holidays).toEqual(
      expect.arrayContaining([
        { date: '2026-03-19', name: 'Ramazan Bayramı Arifesi', length: 'half' },
        { date: '2026-05-27', name: 'Kurban Bayramı 1. gün', length: 'full' },
        { date: '2026-10-28', name: 'Cumhuriyet Bayramı Arifesi', length: 'half' },
      ]),
    );
    await api(admin).get('/calendar').expect(400);
  });

  it('moves the due date of tickets routed after a bridge day is added, and back when it is removed', async () => {
    // Wednesday (the eve, a half day) and Friday; Thursday 29 October is Republic Day: Friday's close.
    const before = await routedTicket();
    expect(before.firstResponseDueAt).toBe('2026-10-30T14:30:00.000Z');

    const bridge = await api(admin).post('/calendar/overrides', { date: '2026-10-30', kind: 'day_off', reason: 'Köprü günü (genelge)' }).expect(201);
    expect(bridge.body).toMatchObject({ date: '2026-10-30', kind: 'day_off', createdById: admin.id });
    const after = await routedTicket();
    expect(after.firstResponseDueAt).toBe('2026-11-02T14:30:00.000Z');
    expect(before.resolutionDueAt).toBe(after.resolutionDueAt); // 7 calendar days do not stop for it

    const listed = await api(admin).get('/calendar?year=2026').expect(200);
    expect(listed.body.overrides).toEqual([expect.objectContaining({ id: bridge.body.id, date: '2026-10-30', reason: 'Köprü günü (genelge)' })]);
    await api(admin).post('/calendar/overrides', { date: '2026-10-30', kind: 'half_day_off', reason: 'İkinci kez' }).expect(409);

    await api(admin).delete(`/calendar/overrides/${bridge.body.id}`).expect(204);
    expect((await routedTicket()).firstResponseDueAt).toBe('2026-10-30T14:30:00.000Z');
    await api(admin).delete(`/calendar/overrides/${bridge.body.id}`).expect(404);
  });

  it('refuses bad overrides naming the field; only admins edit the calendar', async () => {
    const cases: [object, string][] = [
      [{ date: '2026-02-30', kind: 'day_off', reason: 'Köprü' }, 'date'],
      [{ date: '30.10.2026', kind: 'day_off', reason: 'Köprü' }, 'date'],
      [{ date: '2026-10-30', kind: 'holiday', reason: 'Köprü' }, 'kind'],
      [{ date: '2026-10-30', kind: 'day_off' }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const res = await api(admin).post('/calendar/overrides', body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining([field]));
      expect(res.body.details.every((d: { field: string }) => d.field === field)).toBe(true);
    }
    await api(agent).post('/calendar/overrides', { date: '2026-12-31', kind: 'half_day_off', reason: 'Yılbaşı arifesi' }).expect(403);
  });

  it('lets an admin add and edit deadline policies, refusing nonsense amounts and ratios', async () => {
    const valid = { code: 'SU_ARIZASI', name: 'Su arızası hedefi', legalBasis: 'internal', resolutionAmount: 8, resolutionUnit: 'working_hours' };
    const cases: [object, string][] = [
      [{ ...valid, resolutionAmount: 0 }, 'resolutionAmount'],
      [{ ...valid, resolutionAmount: -3 }, 'resolutionAmount'],
      [{ ...valid, firstResponseAmount: 0, firstResponseUnit: 'working_days' }, 'firstResponseAmount'],
      [{ ...valid, warningRatio: 1 }, 'warningRatio'],
      [{ ...valid, warningRatio: 0 }, 'warningRatio'],
      [{ ...valid, resolutionUnit: 'weeks' }, 'resolutionUnit'],
      [{ ...valid, legalBasis: 'law_9999' }, 'legalBasis'],
      [{ ...valid, firstResponseAmount: 2 }, 'firstResponseUnit'],
      [{ ...valid, calendarDayEnd: 'noon' }, 'calendarDayEnd'],
      [{ ...valid, extendPastDayOff: 'evet' }, 'extendPastDayOff'],
    ];
    for (const [body, field] of cases) {
      const res = await api(admin).post('/deadline-policies', body).expect(400);
      expect(res.body.details[0].field).toBe(field);
    }
    await api(agent).post('/deadline-policies', valid).expect(403);
    const created = await api(admin).post('/deadline-policies', valid).expect(201);
    expect(created.body).toMatchObject({ ...valid, firstResponseAmount: null, warningRatio: 0.75, calendarDayEnd: 'midnight', extendPastDayOff: true });
    await api(admin).post('/deadline-policies', valid).expect(409);
    const bad = await api(admin).patch(`/deadline-policies/${created.body.id}`, { resolutionAmount: 0 }).expect(400);
    expect(bad.body.details[0].field).toBe('resolutionAmount');
    const nulled = await api(admin).patch(`/deadline-policies/${created.body.id}`, { calendarDayEnd: null }).expect(400);
    expect(nulled.body.details[0].field).toBe('calendarDayEnd');
    const atClose = await api(admin)
      .patch(`/deadline-policies/${created.body.id}`, { calendarDayEnd: 'close_of_business', extendPastDayOff: false })
      .expect(200);
    expect(atClose.body).toMatchObject({ calendarDayEnd: 'close_of_business', extendPastDayOff: false });
  });

  it('gives tickets routed after a policy edit the new clock at once', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM deadline_policies WHERE code = 'CAGRI_MERKEZI_GERI_DONUS'`);
    await routedTicket(); // the policies are cached now
    await api(admin).patch(`/deadline-policies/${id}`, { firstResponseAmount: 3, warningRatio: 0.5 }).expect(200);
    // Wednesday (half), Friday, Monday.
    expect((await routedTicket()).firstResponseDueAt).toBe('2026-11-02T14:30:00.000Z');
  });
});
