import { createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';

describe('department inbox: claim, transfer, return, duplicates and merge, auto-assignment', () => {
  let t: TestApp;
  let agent: Staff;
  let fenStaff: Staff;
  let admin: Staff;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    agent = await loginAs(t, 'agent');
    fenStaff = await loginAs(t, 'department-staff');
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });

  /** A citizen's SMS, processed and routed; returns the ticket as staff see it. */
  async function smsTicket(text: string, from = `+90533${String(1_000_000 + (seq += 1)).padStart(7, '0')}`) {
    const id = `SM-inbox-${(seq += 1)}`;
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: id, payload: { MessageSid: id, From: from, Body: text } })
      .expect(202);
    const ticketId = await waitFor('ticket routed', async () => {
      const [row] = await t.dataSource.query(
        `SELECT t.id FROM inbound_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.id = $1 AND (t.routed_at IS NOT NULL OR t.triage)`,
        [res.body.eventId],
      );
      return row?.id;
    });
    return (await as(admin).get(`/tickets/${ticketId}`).expect(200)).body;
  }

  it('lets department staff claim a ticket from the inbox and see it under "mine"', async () => {
    const ticket = await smsTicket('Caddemizde büyük bir çukur var, araçlar zarar görüyor');
    const unassigned = await as(fenStaff).get('/tickets?unassigned=true').expect(200);
    expect(unassigned.body.items.map((i: { id: string }) => i.id)).toContain(ticket.id);
    await as(fenStaff).post(`/tickets/${ticket.id}/claim`, { version: ticket.version }).expect(200);
    const mine = await as(fenStaff).get('/tickets?mine=true').expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([ticket.id]);
  });

  it('returns a misrouted ticket to the call centre, out of the department inbox and into triage', async () => {
    const ticket = await smsTicket('Kaldırım taşları yerinden çıkmış, kaldırım bozuk');
    await as(fenStaff).post(`/tickets/${ticket.id}/return`, { version: ticket.version, reason: 'Bu kaldırım özel mülk içinde' }).expect(200);
    await as(fenStaff).get(`/tickets/${ticket.id}`).expect(404);
    const triage = await as(agent).get('/tickets?triage=true').expect(200);
    const returned = triage.body.items.find((i: { id: string }) => i.id === ticket.id);
    expect(returned).toMatchObject({ department: null, triage: true, status: 'new' });
    const detail = await as(agent).get(`/tickets/${ticket.id}`).expect(200);
    expect(detail.body.timeline.at(-1)).toMatchObject({ type: 'returned', body: 'Bu kaldırım özel mülk içinde' });
  });

  it('suspects a duplicate when the same citizen reports the same subject twice, and merges it', async () => {
    const from = '+905339990011';
    const original = await smsTicket('Sokakta derin bir çukur var', from);
    // A different channel, so it does not thread onto the open SMS ticket.
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'web', providerId: 'web-dup-1', payload: { fullName: 'Aynı Kişi', phone: from, text: 'Yoldaki çukur hâlâ kapatılmadı' } })
      .expect(202);
    const duplicateId = await waitFor(
      'second ticket',
      async () => (await t.dataSource.query('SELECT ticket_id FROM inbound_events WHERE id = $1', [res.body.eventId]))[0]?.ticket_id,
    );
    const duplicate = await waitFor('duplicate routed', async () => {
      const { body } = await as(admin).get(`/tickets/${duplicateId}`);
      return body.routedAt ? body : null;
    });
    expect(duplicate.duplicates).toEqual([expect.objectContaining({ id: original.id, reason: 'same_citizen_category', state: 'open' })]);
    const originalDetail = await as(admin).get(`/tickets/${original.id}`).expect(200);
    expect(originalDetail.body.duplicates.map((d: { id: string }) => d.id)).toEqual([duplicateId]);
    const flagged = await as(fenStaff).get('/tickets?duplicate=true').expect(200);
    expect(flagged.body.items.map((i: { id: string }) => i.id).sort()).toEqual([original.id, duplicateId].sort());

    await as(fenStaff).post(`/tickets/${duplicateId}/merge`, { version: duplicate.version, intoId: original.id }).expect(200);
    const merged = (await as(fenStaff).get(`/tickets/${duplicateId}`).expect(200)).body;
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original.id, duplicates: [] });
    expect(merged.timeline.find((e: { type: string }) => e.type === 'reply_out').body).toContain(original.trackingNo);
    const after = (await as(fenStaff).get(`/tickets/${original.id}`).expect(200)).body;
    expect(after.timeline.filter((e: { type: string }) => e.type === 'message_in').map((e: { body: string }) => e.body)).toContain(
      'Yoldaki çukur hâlâ kapatılmadı',
    );
    expect(after.timeline.at(-1)).toMatchObject({ type: 'merged', data: { mergedFromId: duplicateId } });
  });

  it('dismisses a duplicate suspicion on both tickets', async () => {
    const from = '+905339990022';
    const first = await smsTicket('Oyun alanındaki salıncak kırık', from);
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'web', providerId: 'web-dup-2', payload: { fullName: 'Veli', phone: from, text: 'Yanındaki kaydırak da kırık' } })
      .expect(202);
    const secondId = await waitFor(
      'second ticket',
      async () => (await t.dataSource.query('SELECT ticket_id FROM inbound_events WHERE id = $1', [res.body.eventId]))[0]?.ticket_id,
    );
    await waitFor('suspicion', async () => (await t.dataSource.query('SELECT 1 FROM duplicate_suspicions WHERE ticket_id = $1', [secondId])).length);
    await as(admin).post(`/tickets/${first.id}/duplicates/${secondId}/dismiss`, {}).expect(204);
    expect((await as(admin).get(`/tickets/${first.id}`)).body.duplicates).toEqual([]);
    expect((await as(admin).get(`/tickets/${secondId}`)).body.duplicates).toEqual([]);
    await as(admin).post(`/tickets/${first.id}/duplicates/${secondId}/dismiss`, {}).expect(404);
  });

  it('assigns round-robin to available staff under the cap when the department auto-assigns', async () => {
    const park = await idByCode(t.dataSource, 'departments', 'PARK');
    const [a, b] = [await createStaff(t, admin, 'department_staff', park), await createStaff(t, admin, 'department_staff', park)];
    const away = await createStaff(t, admin, 'department_staff', park);
    await as(admin).patch(`/users/${away.id}`, { available: false }).expect(200);
    // Earlier tests left park tickets waiting; switching auto-assignment on would hand those out first.
    await t.dataSource.query(`UPDATE tickets SET status = 'closed' WHERE department_id = $1 AND status = 'new'`, [park]);
    await as(admin).patch(`/departments/${park}`, { autoAssign: true, maxOpenPerAssignee: 2 }).expect(200);
    const tickets: Awaited<ReturnType<typeof smsTicket>>[] = [];
    for (const text of ['Parktaki çimler biçilmedi', 'Parkta bank kırık', 'Park bakımı yapılmıyor', 'Parkın sulama sistemi bozuk', 'Park çok bakımsız']) {
      tickets.push(await smsTicket(text));
    }
    const assignees = tickets.map((x) => x.assignee?.id ?? null);
    expect(assignees.slice(0, 4).sort()).toEqual([a.id, a.id, b.id, b.id].sort());
    expect(assignees[4]).toBeNull();
    expect(assignees).not.toContain(away.id);
    expect(tickets.slice(0, 4).every((x) => x.status === 'assigned')).toBe(true);

    // The fifth waits in the backlog until someone has room: here the colleague who was away.
    const assigneeOf = (id: string) => t.dataSource.query('SELECT assignee_id, status FROM tickets WHERE id = $1', [id]).then((r) => r[0]);
    await as(admin).patch(`/users/${away.id}`, { available: true }).expect(200);
    await waitFor('the backlog handed to the returning colleague', async () => (await assigneeOf(tickets[4].id)).assignee_id === away.id);
    expect(await assigneeOf(tickets[4].id)).toEqual({ assignee_id: away.id, status: 'assigned' });
    const timeline = (await as(admin).get(`/tickets/${tickets[4].id}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'assigned', data: { assigneeId: away.id, automatic: true, backlog: true } });

    // Everyone at the cap again; the next ticket waits until a has answered one of theirs.
    const sixth = await smsTicket('Parkın bakımı aylardır yapılmıyor');
    expect(sixth.assignee?.id).toBe(away.id);
    const seventh = await smsTicket('Parktaki banklar kırık, park bakımsız');
    expect(seventh.assignee).toBeNull();
    const mine = tickets.find((x) => x.assignee?.id === a.id)!;
    await as(a).post(`/tickets/${mine.id}/status`, { version: mine.version, status: 'in_progress' }).expect(200);
    expect((await assigneeOf(seventh.id)).assignee_id).toBeNull(); // still a's: nobody freed up
    await as(a)
      .post(`/tickets/${mine.id}/status`, { version: mine.version + 1, status: 'answered', note: 'Budama yapıldı.' })
      .expect(200);
    await waitFor('the backlog handed to the staff member who answered', async () => (await assigneeOf(seventh.id)).assignee_id === a.id);
  });
});
