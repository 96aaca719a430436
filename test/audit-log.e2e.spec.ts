import { categoryId, createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

const DAY = 86_400_000;

/** The audit log: who did what, when, with before and after; searched and exported by admins only; kept as long as the rules say. */
describe('audit log', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let supervisor: Staff;
  let start: Date;

  beforeAll(async () => {
    t = await createTestApp();
    start = t.clock.now();
    admin = await loginAs(t, 'admin');
    [agent, supervisor] = await Promise.all([loginAs(t, 'agent'), loginAs(t, 'supervisor')]);
  });
  afterAll(() => t.close());

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
  });
  const search = async (query: Record<string, string>) =>
    (
      await as(admin)
        .get(`/audit-log?${new URLSearchParams(query)}`)
        .expect(200)
    ).body;

  it('records logins and failed logins, with the name tried and the address', async () => {
    await t.http().post('/api/v1/auth/login').send({ username: 'Agent', password: 'yanlis-parola-123' }).expect(401);
    const failed = await search({ action: 'login_failed' });
    expect(failed.items).toEqual([
      expect.objectContaining({ actorId: null, actorName: 'agent', action: 'login_failed', entityType: 'session', ip: expect.stringMatching(/127\.0\.0\.1/) }),
    ]);
    const logins = await search({ action: 'login', actorId: agent.id });
    expect(logins.items).toEqual([expect.objectContaining({ actorName: 'agent', entityType: 'session', entityId: agent.id, before: null, after: null })]);
    // Three demo users logged in at the start.
    expect((await search({ action: 'login' })).total).toBe(3);
  });

  it('records an admin’s edit of a user with before and after, never a password or its hash', async () => {
    const user = await createStaff(t, admin, 'agent');
    // The test's clock stands still unless moved: a second later, so newest-first is the edit.
    t.clock.advance(1000);
    await as(admin).patch(`/users/${user.id}`, { fullName: 'Yeni Ad Soyad', password: 'Yeni-Parola-2026-x' }).expect(200);
    // A refused change leaves no entry: the entry is written with the change or not at all.
    await as(admin).patch(`/users/${user.id}`, { role: 'department_staff' }).expect(400);
    const { items } = await search({ entityType: 'user', entityId: user.id });
    expect(items.map((i: { action: string }) => i.action)).toEqual(['user_updated', 'user_created']);
    const [updated, created] = items;
    expect(created).toMatchObject({ actorId: admin.id, actorName: 'admin', before: null, after: { fullName: 'Test agent', role: 'agent', active: true } });
    expect(updated.before).toMatchObject({ fullName: 'Test agent', role: 'agent' });
    expect(updated.after).toMatchObject({ fullName: 'Yeni Ad Soyad', role: 'agent', passwordChanged: true });
    expect(JSON.stringify(items)).not.toMatch(/passwordHash|tokenVersion|Yeni-Parola|scrypt/);
  });

  it('records a configuration change and a deletion (a notice wording written, then removed)', async () => {
    const wording = { subject: 'Başvurunuz {trackingNo}', body: '{text} — {municipality}' };
    await as(admin).put('/notice-templates/reply/tr', wording).expect(200);
    t.clock.advance(1000);
    await as(admin).delete('/notice-templates/reply/tr').expect(204);
    const { items } = await search({ entityType: 'notice_template', entityId: 'reply/tr' });
    expect(items.map((i: { action: string }) => i.action)).toEqual(['notice_template_deleted', 'notice_template_changed']);
    const [deleted, changed] = items;
    expect(changed.before).toEqual({ subject: '{trackingNo} numaralı başvurunuz hakkında', body: '{text}\n\n({trackingNo} — {municipality})', custom: false });
    expect(changed.after).toEqual({ ...wording, custom: true });
    expect(deleted.before).toEqual({ ...wording, custom: true });
    expect(deleted.after).toEqual({ ...changed.before });
  });

  it('records admins’ changes to units, subjects, routing rules and deadline policies, and nothing for a refused one', async () => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const pothole = await categoryId(t.dataSource, 'FEN-001');
    await as(admin).patch(`/departments/${fen}`, { name: 'Fen İşleri ve Yol Müdürlüğü' }).expect(200);
    await as(admin)
      .patch(`/categories/${pothole}`, { keywords: ['çukur', 'asfalt'] })
      .expect(200);
    // Refused (no category, mahalle or kind): no entry, as the change itself was not written.
    await as(admin).post('/routing-rules', { departmentId: fen }).expect(400);
    const rule = (await as(admin).post('/routing-rules', { categoryId: pothole, departmentId: fen }).expect(201)).body;
    t.clock.advance(1000);
    await as(admin).delete(`/routing-rules/${rule.id}`).expect(204);
    const [policy] = (await as(admin).get('/deadline-policies').expect(200)).body;
    await as(admin).patch(`/deadline-policies/${policy.id}`, { warningRatio: 0.5 }).expect(200);

    const unit = (await search({ entityType: 'department', entityId: fen })).items;
    expect(unit).toEqual([
      expect.objectContaining({ action: 'setting_changed', actorId: admin.id, before: expect.objectContaining({ name: 'Fen İşleri Müdürlüğü' }) }),
    ]);
    expect(unit[0].after).toMatchObject({ name: 'Fen İşleri ve Yol Müdürlüğü', code: 'FEN' });
    const subject = (await search({ entityType: 'category', entityId: pothole })).items;
    expect(subject[0].after.keywords).toEqual(['çukur', 'asfalt']);
    expect(subject[0].before.keywords).not.toEqual(['çukur', 'asfalt']);
    const rules = (await search({ entityType: 'routing_rule' })).items;
    expect(rules.map((i: { action: string }) => i.action)).toEqual(['setting_deleted', 'setting_created']);
    expect(rules[0]).toMatchObject({ entityId: rule.id, before: { categoryId: pothole, departmentId: fen }, after: null });
    expect(rules[1]).toMatchObject({ entityId: rule.id, before: null, after: { categoryId: pothole, departmentId: fen } });
    const policies = (await search({ entityType: 'deadline_policy', entityId: policy.id })).items;
    expect(policies).toEqual([expect.objectContaining({ action: 'setting_changed', before: expect.objectContaining({ warningRatio: policy.warningRatio }) })]);
    expect(policies[0].after.warningRatio).toBe(0.5);
  });

  it('records calendar days, canned answers and legal holds, before and after', async () => {
    const day = (await as(admin).post('/calendar/overrides', { date: '2027-01-04', kind: 'day_off', reason: 'Kar tatili' }).expect(201)).body;
    t.clock.advance(1000);
    await as(admin).delete(`/calendar/overrides/${day.id}`).expect(204);
    const days = (await search({ entityType: 'calendar_day', entityId: day.id })).items;
    expect(days.map((i: { action: string }) => i.action)).toEqual(['setting_deleted', 'setting_created']);
    expect(days[1]).toMatchObject({ actorId: admin.id, before: null, after: { date: '2027-01-04', reason: 'Kar tatili' } });

    const answer = (await as(supervisor).post('/canned-answers', { title: 'Ortak: bilgi', body: 'Başvurunuz {takipNo} incelendi.' }).expect(201)).body;
    t.clock.advance(1000);
    await as(supervisor).patch(`/canned-answers/${answer.id}`, { title: 'Ortak: inceleme' }).expect(200);
    t.clock.advance(1000);
    await as(supervisor).delete(`/canned-answers/${answer.id}`).expect(204);
    const answers = (await search({ entityType: 'canned_answer', entityId: answer.id })).items;
    expect(answers.map((i: { action: string; actorId: string }) => [i.action, i.actorId])).toEqual([
      ['setting_deleted', supervisor.id],
      ['setting_changed', supervisor.id],
      ['setting_created', supervisor.id],
    ]);
    expect([answers[1].before.title, answers[1].after.title]).toEqual(['Ortak: bilgi', 'Ortak: inceleme']);

    const ticket = (await as(agent).post('/tickets', ticketInput()).expect(201)).body;
    const hold = (await as(admin).post('/kvkk/legal-holds', { ticketId: ticket.id, reason: 'İdare Mahkemesi 2026/77 E.' }).expect(201)).body;
    await as(admin).post('/kvkk/legal-holds', { ticketId: ticket.id, reason: 'İkinci kez' }).expect(409);
    t.clock.advance(1000);
    await as(admin).delete(`/kvkk/legal-holds/${hold.id}`).expect(204);
    const holds = (await search({ entityType: 'legal_hold', entityId: hold.id })).items;
    expect(holds.map((i: { action: string }) => i.action)).toEqual(['legal_hold_released', 'legal_hold_placed']);
    expect(holds[1].after).toMatchObject({ ticketId: ticket.id, reason: 'İdare Mahkemesi 2026/77 E.' });
    expect(holds[0]).toMatchObject({ before: { releasedAt: null }, after: { releasedById: admin.id } });
  });

  it('records an export with its report, format and filters', async () => {
    await as(supervisor).get('/reports/volume/export?from=2026-11-01&to=2026-11-30&format=csv').expect(200);
    const { items } = await search({ action: 'report_exported' });
    expect(items).toEqual([
      expect.objectContaining({
        actorId: supervisor.id,
        entityType: 'report',
        entityId: 'volume',
        after: expect.objectContaining({ report: 'volume', format: 'csv', filter: expect.objectContaining({ from: expect.any(String) }) }),
      }),
    ]);
  });

  it('shows contact reveals from the KVKK access log, with their purpose', async () => {
    const ticket = (await as(agent).post('/tickets', ticketInput()).expect(201)).body;
    await as(agent)
      .get(`/tickets/${ticket.id}/contact?purpose=${encodeURIComponent('Vatandaşı geri aramak')}`)
      .expect(200);
    const { items } = await search({ action: 'contact_revealed', actorId: agent.id });
    expect(items).toEqual([
      expect.objectContaining({
        actorName: 'agent',
        entityType: 'citizen',
        entityId: ticket.citizen.id,
        purpose: `ticket ${ticket.trackingNo}: Vatandaşı geri aramak`,
      }),
    ]);
  });

  it('records a merge: the duplicate’s state before, and the original it went into', async () => {
    // Placed in a department at once, so no routing job changes their version meanwhile.
    const departmentId = await idByCode(t.dataSource, 'departments', 'FEN');
    const original = (await as(agent).post('/tickets', ticketInput({ departmentId })).expect(201)).body;
    const duplicate = (await as(agent).post('/tickets', ticketInput({ departmentId })).expect(201)).body;
    await as(agent).post(`/tickets/${duplicate.id}/merge`, { version: duplicate.version, intoId: original.id }).expect(200);
    const { items } = await search({ action: 'ticket_merged', entityId: duplicate.id });
    expect(items).toEqual([
      expect.objectContaining({
        actorId: agent.id,
        entityType: 'ticket',
        before: { trackingNo: duplicate.trackingNo, status: duplicate.status, mergedIntoId: null },
        after: { trackingNo: duplicate.trackingNo, status: 'merged', mergedIntoId: original.id, mergedIntoTrackingNo: original.trackingNo },
      }),
    ]);
  });

  it('records a data subject’s erasure (KVKK) with its reason and counts, never the erased values', async () => {
    const ticket = (
      await as(agent)
        .post('/tickets', ticketInput({ citizen: { fullName: 'Silinecek Vatandaş', phone: '05329998877' } }))
        .expect(201)
    ).body;
    const request = await as(agent)
      .post('/tickets', {
        channel: 'walk_in',
        categoryId: await categoryId(t.dataSource, 'HLK-004'),
        subject: 'KVKK başvurusu',
        description: 'Verilerimin silinmesini istiyorum.',
        citizenId: ticket.citizen.id,
      })
      .expect(201);
    await waitFor('the notices sent', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbound_messages WHERE citizen_id = $1 AND state IN ('pending', 'sending')`, [
        ticket.citizen.id,
      ]);
      return n === 0;
    });
    const erased = await as(admin)
      .post(`/kvkk/citizens/${ticket.citizen.id}/erase`, { requestTicketId: request.body.id, reason: 'İlgili kişinin talebi' })
      .expect(200);
    const { items } = await search({ action: 'personal_data_erased', entityId: ticket.citizen.id });
    expect(items).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        entityType: 'citizen',
        after: expect.objectContaining({ requestTicketId: request.body.id, reason: 'İlgili kişinin talebi', tickets: erased.body.erasedTickets, held: [] }),
      }),
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Silinecek|9998877/);
  });

  it('filters by date range and pages, newest first', async () => {
    t.clock.advance(DAY);
    await loginAs(t, 'agent');
    const later = new Date(start.getTime() + DAY / 2).toISOString();
    const since = await search({ from: later });
    expect(since.items).toEqual([expect.objectContaining({ action: 'login', actorName: 'agent' })]);
    const before = await search({ action: 'login', to: later });
    expect(before.total).toBe(4);
    const first = await search({ action: 'login', pageSize: '2', page: '1' });
    const second = await search({ action: 'login', pageSize: '2', page: '3' });
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items[0].at).toBe(since.items[0].at);
    expect(second.items).toHaveLength(1);
    await as(admin).get('/audit-log?from=dun').expect(400);
  });

  it('exports the search as CSV for an inspection, and records the export', async () => {
    const res = await as(admin).get('/audit-log/export?action=login_failed').buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Zaman,Kullanıcı,Kullanıcı no,İşlem,Kayıt,Kayıt no,Önce,Sonra,Gerekçe,IP adresi');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,agent,,Başarısız oturum açma,Oturum,,,,,/);
    const { items } = await search({ action: 'audit_exported' });
    expect(items).toEqual([expect.objectContaining({ actorId: admin.id, entityType: 'audit_log', after: { filters: { action: 'login_failed' } } })]);
  });

  it('is for admins only', async () => {
    await as(supervisor).get('/audit-log').expect(403);
    await as(supervisor).get('/audit-log/export').expect(403);
    await as(agent).get('/audit-log').expect(403);
    await t.http().get('/api/v1/audit-log').expect(401);
  });

  it('is kept for its retention period: the periodic destruction deletes older entries and keeps the rest', async () => {
    const old = new Date(t.clock.now().getTime() - 1096 * DAY);
    await t.dataSource.query(`INSERT INTO audit_log (at, action, entity_type, actor_name) VALUES ($1, 'login', 'session', 'eski-kullanici')`, [old]);
    const kept = (await search({})).total;
    const run = (await as(admin).post('/kvkk/destruction/runs', {}).expect(202)).body;
    expect(run.retention.auditLog).toBe(1095);
    const done = await waitFor('the destruction run', async () => {
      const { body } = await as(admin).get(`/kvkk/destruction/runs/${run.id}`).expect(200);
      return body.state === 'done' ? body : null;
    });
    expect(done.counts.auditLog).toBe(1);
    expect((await search({})).total).toBe(kept - 1);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_log WHERE actor_name = 'eski-kullanici'`)).toEqual([]);
  });
});
