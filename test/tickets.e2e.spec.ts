import { createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';

describe('tickets', () => {
  let t: TestApp;
  let agent: Staff;
  let fenStaff: Staff;
  let pothole: string;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T07:00:00Z') });
    agent = await loginAs(t, 'agent');
    fenStaff = await loginAs(t, 'department-staff');
    [{ id: pothole }] = await t.dataSource.query(`SELECT id FROM categories WHERE keywords && ARRAY['çukur']`);
  });
  afterAll(() => t.close());

  const api = (staff: Staff) => ({
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
  });
  const countTickets = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM tickets'))[0].n);

  /** Creates a ticket and waits until routing has put it in its inbox (or triage). */
  async function create(overrides: Record<string, unknown> = {}) {
    const res = await api(agent).post('/tickets', ticketInput({ categoryId: pothole, ...overrides }));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return waitFor(`ticket ${res.body.trackingNo} routed`, async () => {
      const { body } = await api(agent).get(`/tickets/${res.body.id}`);
      return body.routedAt || body.triage ? body : null;
    });
  }

  describe('creating', () => {
    it('opens a ticket in the category department with a tracking number, deadline and timeline', async () => {
      const ticket = await create({ citizen: { fullName: 'Mehmet Demir', phone: '0 (532) 111 22 33', tcKimlikNo: '10000000146' } });
      expect(ticket.trackingNo).toMatch(/^2026-\d{6}$/);
      expect(ticket).toMatchObject({ status: 'new', channel: 'phone', kind: 'sikayet', legalBasis: 'law_3071', version: 2 });
      expect(ticket.department.id).toBe(await idByCode(t.dataSource, 'departments', 'FEN'));
      expect(ticket.citizen).toEqual({ id: expect.any(String), fullName: 'Mehmet Demir', phone: '+90 5** *** ** 33' });
      expect(new Date(ticket.resolutionDueAt).getTime()).toBeGreaterThan(new Date('2026-03-02T07:00:00Z').getTime());
      const detail = await api(agent).get(`/tickets/${ticket.id}`).expect(200);
      expect(detail.body.timeline).toEqual([
        expect.objectContaining({ type: 'created', actor: { id: agent.id, name: expect.any(String) } }),
        expect.objectContaining({ type: 'routed', actor: null, data: expect.objectContaining({ departmentName: 'Fen İşleri Müdürlüğü' }) }),
      ]);
      const [stored] = await t.dataSource.query('SELECT tc_kimlik_hash, tc_kimlik_last2, phone FROM citizens WHERE id = $1', [ticket.citizen.id]);
      expect(stored.tc_kimlik_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.tc_kimlik_hash).not.toContain('10000000146');
      expect(stored).toMatchObject({ tc_kimlik_last2: '46', phone: '+905321112233' });
    });

    it('finds the same citizen again however the phone is spelled', async () => {
      const a = await create({ citizen: { fullName: 'Zeynep Kaya', phone: '05447778899' } });
      const b = await create({ citizen: { phone: '+90 544 777 88 99' } });
      expect(b.citizen.id).toBe(a.citizen.id);
    });

    it('gives 50 concurrent tickets 50 distinct consecutive tracking numbers', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => api(agent).post('/tickets', ticketInput({ categoryId: pothole }))));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const numbers = results.map((r) => Number(r.body.trackingNo.split('-')[1])).sort((x, y) => x - y);
      expect(new Set(numbers).size).toBe(50);
      expect(numbers[49] - numbers[0]).toBe(49);
    });

    it.each([
      [{ citizen: { phone: '0532 12' } }, 'citizen.phone'],
      [{ citizen: { phone: '05321234567', tcKimlikNo: '12345678901' } }, 'citizen.tcKimlikNo'],
      [{ categoryId: '6f1c2f0e-0000-4000-8000-000000000000' }, 'categoryId'],
      [{ categoryId: 'not-a-uuid' }, 'categoryId'],
      [{ subject: 42 }, 'subject'],
      [{ channel: 'fax' }, 'channel'],
      [{ citizen: { phone: '05321234567', shoeSize: 42 } }, 'citizen.shoeSize'],
      [{ channel: 'cimer' }, 'externalRef'],
      [{ channel: 'muhtar' }, 'mahalleId'],
      [{ latitude: 95, longitude: 30 }, 'latitude'],
    ])('refuses %p with 400 naming %s and writes nothing', async (overrides, field) => {
      const before = await countTickets();
      const citizensBefore = Number((await t.dataSource.query('SELECT count(*) AS n FROM citizens'))[0].n);
      const res = await api(agent)
        .post('/tickets', ticketInput({ categoryId: pothole, ...overrides }))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.message).toContain(field);
      expect(await countTickets()).toBe(before);
      expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM citizens'))[0].n)).toBe(citizensBefore);
    });

    it('takes the CİMER number and the Law 4982 clock for information requests', async () => {
      const ticket = await create({ channel: 'cimer', kind: 'bilgi_edinme', categoryId: undefined, externalRef: 'CMR-2026-55' });
      expect(ticket).toMatchObject({ legalBasis: 'law_4982', externalRef: 'CMR-2026-55', department: null });
    });
  });

  describe('lifecycle', () => {
    it('walks new → assigned → in_progress → answered → closed → reopened with every step on the timeline', async () => {
      const ticket = await create();
      let res = await api(agent).post(`/tickets/${ticket.id}/assign`, { version: 2, assigneeId: fenStaff.id }).expect(200);
      expect(res.body).toMatchObject({ status: 'assigned', version: 3, assignee: { id: fenStaff.id } });
      await api(fenStaff).post(`/tickets/${ticket.id}/status`, { version: 3, status: 'in_progress' }).expect(200);
      res = await api(fenStaff).post(`/tickets/${ticket.id}/status`, { version: 4, status: 'answered', note: 'Çukur asfaltla kapatıldı.' }).expect(200);
      expect(res.body).toMatchObject({ status: 'answered', resolution: 'answered', resolutionNote: 'Çukur asfaltla kapatıldı.' });
      expect(res.body.answeredAt).not.toBeNull();
      res = await api(agent).post(`/tickets/${ticket.id}/status`, { version: 5, status: 'closed' }).expect(200);
      expect(res.body.closedAt).not.toBeNull();
      res = await api(agent)
        .post(`/tickets/${ticket.id}/status`, { version: 6, status: 'reopened', reason: 'Vatandaş çukurun açıldığını bildirdi' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'reopened', closedAt: null, resolution: null });
      const { body } = await api(agent).get(`/tickets/${ticket.id}`).expect(200);
      expect(body.timeline.map((e: { type: string; data: { to?: string } }) => e.data.to ?? e.type)).toEqual([
        'created',
        'routed',
        'assigned',
        'in_progress',
        'answered',
        'reply_out',
        'closed',
        'reopened',
      ]);
    });

    it('answers 409 with a code for a transition the lifecycle does not allow', async () => {
      const ticket = await create();
      const res = await api(agent).post(`/tickets/${ticket.id}/status`, { version: 2, status: 'closed' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'TICKET_INVALID_TRANSITION' });
      const after = await api(agent).get(`/tickets/${ticket.id}`).expect(200);
      expect(after.body).toMatchObject({ status: 'new', version: 2 });
    });

    it('gives the second of two concurrent saves a 409 instead of overwriting', async () => {
      const ticket = await create();
      const [a, b] = await Promise.all([
        api(agent).post(`/tickets/${ticket.id}/status`, { version: 2, status: 'in_progress' }),
        api(fenStaff).post(`/tickets/${ticket.id}/status`, { version: 2, status: 'rejected', reason: 'Belediyenin görevi değil' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect([a, b].find((r) => r.status === 409)!.body.code).toBe('TICKET_VERSION_CONFLICT');
      const { body } = await api(agent).get(`/tickets/${ticket.id}`).expect(200);
      expect(body.version).toBe(3);
      expect(body.timeline.filter((e: { type: string }) => e.type === 'status_changed')).toHaveLength(1);
    });

    it.each([
      [{ status: 'rejected' }, 'reason'],
      [{ status: 'referred' }, 'institutionId'],
      [{ status: 'answered' }, 'note'],
      [{ status: 'merged' }, 'mergedIntoId'],
    ])('requires what %p needs (%s)', async (body, field) => {
      const ticket = await create();
      const res = await api(agent)
        .post(`/tickets/${ticket.id}/status`, { version: 2, ...body })
        .expect(400);
      expect(res.body.details).toEqual([{ field, message: expect.stringContaining(field) }]);
    });

    it('refers to an outside institution and records where it went', async () => {
      const ticket = await create();
      const institutionId = await idByCode(t.dataSource, 'institutions', 'SU_IDARESI');
      const res = await api(agent).post(`/tickets/${ticket.id}/status`, { version: 2, status: 'referred', institutionId }).expect(200);
      expect(res.body).toMatchObject({ status: 'referred', resolution: 'referred' });
      const { body } = await api(agent).get(`/tickets/${ticket.id}`);
      expect(body.timeline.at(-1).data).toMatchObject({ to: 'referred', institutionId, institutionName: expect.any(String) });
    });

    it('transfers to another department with the reason on the timeline', async () => {
      const ticket = await create();
      const zabita = await idByCode(t.dataSource, 'departments', 'ZABITA');
      await api(agent).post(`/tickets/${ticket.id}/transfer`, { version: 2, departmentId: zabita, reason: 'Kaldırım işgali, zabıtanın konusu' }).expect(200);
      const { body } = await api(agent).get(`/tickets/${ticket.id}`);
      expect(body.department.id).toBe(zabita);
      expect(body.timeline.at(-1)).toMatchObject({ type: 'transferred', body: 'Kaldırım işgali, zabıtanın konusu' });
    });

    it('records internal notes, replies and citizen messages', async () => {
      const ticket = await create();
      await api(fenStaff).post(`/tickets/${ticket.id}/entries`, { type: 'note', body: 'Ekip yarın gidecek' }).expect(201);
      const res = await api(fenStaff).post(`/tickets/${ticket.id}/entries`, { type: 'reply', body: 'Talebiniz ekibimize iletildi.' }).expect(201);
      expect(res.body.firstRespondedAt).not.toBeNull();
      expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'routed', 'internal_note', 'reply_out']);
      await api(fenStaff).post(`/tickets/${ticket.id}/entries`, { type: 'shout', body: 'x' }).expect(400);
    });
  });

  describe('listing', () => {
    it('filters by status, channel and category with pagination', async () => {
      await create({ channel: 'walk_in' });
      const res = await api(agent).get(`/tickets?channel=walk_in&status=new,assigned&categoryId=${pothole}&pageSize=1`).expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ channel: 'walk_in', category: { id: pothole } });
    });

    it('finds overdue tickets once the clock passes their deadline', async () => {
      const ticket = await create({
        channel: 'muhtar',
        mahalleId: await idByCode(t.dataSource, 'mahalleler', (await t.dataSource.query('SELECT code FROM mahalleler LIMIT 1'))[0].code),
      });
      const before = await api(agent).get(`/tickets?overdue=true&channel=muhtar`).expect(200);
      expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(ticket.id);
      t.clock.set(new Date(new Date(ticket.resolutionDueAt).getTime() + 1000));
      const after = await api(agent).get(`/tickets?overdue=true&channel=muhtar`).expect(200);
      expect(after.body.items.find((i: { id: string }) => i.id === ticket.id)).toMatchObject({ overdue: true });
      t.clock.set(new Date('2026-03-02T07:00:00Z'));
    });

    it.each([['status=lost'], ['pageSize=1000'], ['from=yesterday'], ['sort=name'], ['color=red']])('refuses ?%s with 400', async (query) => {
      const res = await api(agent).get(`/tickets?${query}`).expect(400);
      expect(res.body.message).toContain(query.split('=')[0]);
    });
  });
});
