import { createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';

describe('intake pipeline: every channel into one queue, routed through BullMQ', () => {
  let t: TestApp;
  let agent: Staff;
  let fenStaff: Staff;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { SWEEP_INTERVAL_MS: '300', SWEEP_GRACE_MS: '200' } });
    agent = await loginAs(t, 'agent');
    fenStaff = await loginAs(t, 'department-staff');
  });
  afterAll(() => t.close());

  const send = (channel: string, providerId: string, payload: object) =>
    t.http().post('/api/v1/intake/events').set('X-Intake-Key', KEY).send({ channel, providerId, payload });
  const phone = () => `+90532${String(7_000_000 + (seq += 1)).padStart(7, '0')}`;
  const sms = (from: string, body: string, id = `SM${(seq += 1)}`) => send('sms', id, { MessageSid: id, From: from, Body: body, NumMedia: '0' });
  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  const eventRow = async (id: string) => (await t.dataSource.query('SELECT * FROM inbound_events WHERE id = $1', [id]))[0];
  const settled = (eventId: string) =>
    waitFor(`event ${eventId} processed`, async () => {
      const row = await eventRow(eventId);
      if (row.state === 'received') return null;
      if (!row.ticket_id) return row;
      const [ticket] = await t.dataSource.query('SELECT * FROM tickets WHERE id = $1', [row.ticket_id]);
      return ticket.routed_at || ticket.triage || ticket.status !== 'new' ? { ...row, ticket } : null;
    });

  it('refuses a caller without the intake key', async () => {
    const res = await t.http().post('/api/v1/intake/events').send({ channel: 'sms', providerId: 'x', payload: {} }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('turns an SMS about a pothole into a ticket in the Fen İşleri inbox', async () => {
    const res = await sms(phone(), 'Merhaba, Atatürk Mahallesi 5. sokakta büyük bir çukur var, araçlar zarar görüyor').expect(202);
    expect(res.body).toEqual({ eventId: expect.any(String), duplicate: false });
    const { ticket } = await settled(res.body.eventId);
    expect(ticket.department_id).toBe(await idByCode(t.dataSource, 'departments', 'FEN'));
    expect(ticket).toMatchObject({ channel: 'sms', triage: false, mahalle_id: await idByCode(t.dataSource, 'mahalleler', 'ATATURK') });
    const inbox = await as(fenStaff).get('/tickets?status=new').expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(ticket.id);
    const detail = await as(fenStaff).get(`/tickets/${ticket.id}`).expect(200);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'routed']);
    expect(detail.body.timeline[0].data).toMatchObject({ eventId: res.body.eventId, suggestion: { confident: true } });
  });

  it('stores the same event posted three times at once only once', async () => {
    const from = phone();
    const payload = { MessageSid: 'SM-dup-1', From: from, Body: 'Sokağımızdaki çöpler üç gündür toplanmadı' };
    const results = await Promise.all([1, 2, 3].map(() => send('sms', 'SM-dup-1', payload)));
    expect(results.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(new Set(results.map((r) => r.body.eventId)).size).toBe(1);
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
    await settled(results[0].body.eventId);
    const tickets = await t.dataSource.query(`SELECT t.id FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE c.phone = $1`, [from]);
    expect(tickets).toHaveLength(1);
    const entries = await t.dataSource.query(`SELECT type FROM ticket_events WHERE ticket_id = $1 AND type IN ('created', 'message_in')`, [tickets[0].id]);
    expect(entries).toEqual([{ type: 'created' }]);
  });

  it('threads a second message from the same citizen onto the open ticket', async () => {
    const from = phone();
    const first = await settled((await sms(from, 'Parktaki salıncak kırık, çocuklar için tehlikeli').expect(202)).body.eventId);
    const second = await settled((await sms(from, 'Fotoğrafını da gönderdim, lütfen acele edin').expect(202)).body.eventId);
    expect(second.ticket_id).toBe(first.ticket_id);
    const types = await t.dataSource.query('SELECT type, body FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [first.ticket_id]);
    expect(types.at(-1)).toEqual({ type: 'message_in', body: 'Fotoğrafını da gönderdim, lütfen acele edin' });
  });

  it('sends an unclear message to triage, and routes it once a supervisor categorises it', async () => {
    const res = await sms(phone(), 'Merhaba, bir konuda bilgi almak istiyorum, beni arayabilir misiniz?').expect(202);
    const { ticket } = await settled(res.body.eventId);
    expect(ticket).toMatchObject({ triage: true, department_id: null, routed_at: null });
    const triage = await as(agent).get('/tickets?triage=true').expect(200);
    expect(triage.body.items.map((i: { id: string }) => i.id)).toContain(ticket.id);
    const [{ id: pothole }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'FEN-001'`);
    await as(agent).post(`/tickets/${ticket.id}/categorise`, { version: ticket.version, categoryId: pothole }).expect(200);
    const routed = await waitFor('routing after categorisation', async () => {
      const [row] = await t.dataSource.query('SELECT * FROM tickets WHERE id = $1', [ticket.id]);
      return row.routed_at ? row : null;
    });
    expect(routed.department_id).toBe(await idByCode(t.dataSource, 'departments', 'FEN'));
  });

  it('refers a water outage to the water utility and tells the citizen where it went', async () => {
    const res = await sms(phone(), 'Sabahtan beri sular kesik, su yok, ne zaman gelecek?').expect(202);
    const { ticket } = await settled(res.body.eventId);
    expect(ticket).toMatchObject({ status: 'referred', resolution: 'referred', department_id: null });
    const [reply] = await t.dataSource.query(`SELECT body FROM ticket_events WHERE ticket_id = $1 AND type = 'reply_out'`, [ticket.id]);
    expect(reply.body).toContain('Su ve Kanalizasyon');
    expect(reply.body).toContain(ticket.tracking_no);
  });

  it.each([
    ['sms', { From: '+905321110000', Body: '' }, 'metin, dosya veya konum yok'],
    ['fax', { text: 'merhaba' }, 'bilinmeyen kanal'],
    ['sms', { From: 'bilinmiyor', Body: 'çukur var' }, 'telefon'],
    ['web', { fullName: 'Ali', text: 'x'.repeat(300 * 1024), phone: '05321234567' }, 'sınırını aşıyor'],
  ])('stores a bad %s event as failed with its reason, visible to admins', async (channel, payload, reason) => {
    const res = await send(channel, `bad-${(seq += 1)}`, payload).expect(202);
    const row = await waitFor('failed state', async () => ((await eventRow(res.body.eventId)).state === 'failed' ? eventRow(res.body.eventId) : null));
    expect(row.last_error).toContain(reason);
    expect(row.ticket_id).toBeNull();
    const admin = await loginAs(t, 'admin');
    const list = await as(admin).get('/inbound-events?state=failed&pageSize=100').expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(res.body.eventId);
  });

  it('stores invalid UTF-8 as a failed event', async () => {
    const body = Buffer.concat([
      Buffer.from('{"channel":"sms","providerId":"utf8-bad","payload":{"From":"+905321110001","Body":"k'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('t"}}'),
    ]);
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .set('Content-Type', 'application/json')
      .serialize((raw: Buffer) => raw as unknown as string)
      .send(body);
    expect(res.body).toEqual({ eventId: expect.any(String), duplicate: false });
    expect((await eventRow(res.body.eventId)).last_error).toContain('UTF-8');
  });

  it('refuses a provider id that cannot be stored (NUL, invalid UTF-8) with a 400 naming the field, and stores nothing', async () => {
    const nul = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: 'SM\u0000nul', payload: { From: '+905321110002', Body: 'Çukur var' } });
    expect(nul.status).toBe(400);
    expect(nul.body.details.map((d: { field: string }) => d.field)).toEqual(['providerId']);
    const body = Buffer.concat([
      Buffer.from('{"channel":"sms","providerId":"SM'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('x","payload":{"From":"+905321110002","Body":"kt"}}'),
    ]);
    const bad = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .set('Content-Type', 'application/json')
      .serialize((raw: Buffer) => raw as unknown as string)
      .send(body);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('providerId');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM inbound_events WHERE provider_id LIKE 'SM%' AND payload->>'From' = '+905321110002'`,
    );
    expect(n).toBe(0);
  });
});
