import { categoryId, createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput } from '@app/testing';

const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (iso: string) => new Date(`${iso}+03:00`);

/** The mayor's appointments: requests from any desk, a calendar kept by Özel Kalem, a slot given once. */
describe('appointments with the mayor', () => {
  let t: TestApp;
  let kalem: Staff;
  let agent: Staff;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900 });
    const admin = await loginAs(t, 'admin');
    kalem = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'OZEL_KALEM'));
    agent = await loginAs(t, 'agent');
  });
  afterAll(() => t.close());

  const as = (who: Staff) => ({ Authorization: `Bearer ${who.token}` });
  const outboxOf = (id: string) =>
    t.dataSource.query(
      `SELECT channel, recipient, purpose, body, state, not_before FROM outbound_messages WHERE meta->>'appointmentId' = $1 ORDER BY not_before, channel::text`,
      [id],
    );
  async function request(name: string, extra: Record<string, unknown> = {}) {
    return (
      await t
        .http()
        .post('/api/v1/appointments')
        .set(as(agent))
        .send({
          requesterKind: 'citizen',
          requesterName: name,
          phone: '0532 111 22 33',
          subject: 'Mahallemizdeki park hakkında görüşmek istiyorum',
          channel: 'phone',
          ...extra,
        })
        .expect(201)
    ).body;
  }
  async function slot(iso: string) {
    return (
      await t
        .http()
        .post('/api/v1/appointments/slots')
        .set(as(kalem))
        .send({ startsAt: istanbul(iso).toISOString(), durationMinutes: 20, location: 'Başkanlık Makamı' })
        .expect(201)
    ).body;
  }

  it('gives a slot to one of two requests booked at the same moment; the other gets 409', async () => {
    const open = await slot('2026-11-05T11:30:00');
    const a = await request('Ayşe Yılmaz');
    const b = await request('Mehmet Demir', { requesterKind: 'institution', institutionName: 'Esnaf Odası', email: 'baskan@esnaf.org.tr', phone: undefined });
    expect(a).toMatchObject({ status: 'requested', phone: '+90 5** *** ** 33', channel: 'phone' });
    const results = await Promise.all([a, b].map((r) => t.http().post(`/api/v1/appointments/${r.id}/book`).set(as(kalem)).send({ slotId: open.id })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'APPOINTMENT_SLOT_TAKEN', details: [{ field: 'slotId' }] });
    const won = results.find((r) => r.status === 200)!.body;
    expect(won).toMatchObject({ status: 'scheduled', slotId: open.id, scheduledAt: istanbul('2026-11-05T11:30:00').toISOString() });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1`, [open.id]);
    expect(n).toBe(1);
    const calendar = (await t.http().get('/api/v1/appointments/slots').set(as(kalem)).expect(200)).body.items;
    expect(calendar).toEqual([expect.objectContaining({ id: open.id, free: false, appointmentId: won.id })]);
  });

  it('tells the requester by SMS at once and reminds them the day before', async () => {
    const open = await slot('2026-11-06T14:00:00');
    const a = await request('Zeynep Kaya', { email: 'zeynep@example.com' });
    await t.http().post(`/api/v1/appointments/${a.id}/book`).set(as(kalem)).send({ slotId: open.id }).expect(200);
    const messages = await outboxOf(a.id);
    expect(messages.map((m: { channel: string; purpose: string; not_before: Date }) => [m.purpose, m.channel, m.not_before])).toEqual([
      ['appointment', 'email', MONDAY_0900],
      ['appointment', 'sms', MONDAY_0900],
      ['appointment_reminder', 'email', istanbul('2026-11-05T10:00:00')],
      ['appointment_reminder', 'sms', istanbul('2026-11-05T10:00:00')],
    ]);
    expect(messages[1]).toMatchObject({ recipient: '+905321112233' });
    expect(messages[1].body).toContain('6 Kasım 2026 Cuma saat 14:00');
    expect(messages[3].body).toMatch(/^Hatırlatma: Sayın Zeynep Kaya/);

    // Cancelled: the slot is free again, the reminder withdrawn, the requester told why.
    await t.http().post(`/api/v1/appointments/${a.id}/cancel`).set(as(kalem)).send({ reason: 'Başkanımızın programı değişti.' }).expect(200);
    const after = await outboxOf(a.id);
    expect(after.filter((m: { purpose: string }) => m.purpose === 'appointment_reminder').map((m: { state: string }) => m.state)).toEqual(['failed', 'failed']);
    expect(after.some((m: { body: string }) => m.body.includes('iptal edilmiştir. Gerekçe: Başkanımızın programı değişti.'))).toBe(true);
    const other = await request('Ali Veli');
    await t.http().post(`/api/v1/appointments/${other.id}/book`).set(as(kalem)).send({ slotId: open.id }).expect(200);
  });

  it('answers a request that is not granted with its reason', async () => {
    const a = await request('Hasan Çelik');
    const declined = (
      await t
        .http()
        .post(`/api/v1/appointments/${a.id}/decline`)
        .set(as(kalem))
        .send({ reason: 'Konunuz Park ve Bahçeler Müdürlüğüne yönlendirildi.' })
        .expect(200)
    ).body;
    expect(declined).toMatchObject({ status: 'declined', reason: 'Konunuz Park ve Bahçeler Müdürlüğüne yönlendirildi.' });
    const [sms] = await outboxOf(a.id);
    expect(sms.body).toBe(
      'Sayın Hasan Çelik, Belediye Başkanımız ile görüşme talebiniz karşılanamamıştır. Gerekçe: Konunuz Park ve Bahçeler Müdürlüğüne yönlendirildi. Özel Kalem Müdürlüğü',
    );
    await t.http().post(`/api/v1/appointments/${a.id}/decline`).set(as(kalem)).send({ reason: 'tekrar' }).expect(409);
  });

  it('records walk-ins seen at once, and marks meetings held or missed', async () => {
    const walkIn = await request('Fatma Şahin', { walkIn: true, note: 'Program uygundu, hemen görüşüldü.' });
    expect(walkIn).toMatchObject({ status: 'held', channel: 'walk_in', scheduledAt: MONDAY_0900.toISOString() });
    const open = await slot('2026-11-09T10:00:00');
    const a = await request('Kemal Aydın');
    await t.http().post(`/api/v1/appointments/${a.id}/book`).set(as(kalem)).send({ slotId: open.id }).expect(200);
    t.clock.set(istanbul('2026-11-09T10:30:00'));
    const missed = (await t.http().post(`/api/v1/appointments/${a.id}/close`).set(as(kalem)).send({ status: 'missed' }).expect(200)).body;
    expect(missed).toMatchObject({ status: 'missed', closedById: kalem.id });
    // The slot stays with the missed meeting's record, and a past time cannot be given again.
    const b = await request('Selin Acar');
    await t.http().post(`/api/v1/appointments/${b.id}/book`).set(as(kalem)).send({ slotId: open.id }).expect(409);
  });

  it('takes a request that came as a ticket with the citizen on it', async () => {
    const ticket = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(as(agent))
        .send(
          ticketInput({
            kind: 'talep',
            categoryId: await categoryId(t.dataSource, 'OKM-001'),
            subject: 'Başkanla görüşmek istiyorum',
            citizen: { fullName: 'Derya Koç', phone: '05329998877' },
          }),
        )
        .expect(201)
    ).body;
    const a = (
      await t.http().post('/api/v1/appointments').set(as(agent)).send({ requesterKind: 'citizen', subject: 'Okul yolu', ticketId: ticket.id }).expect(201)
    ).body;
    expect(a).toMatchObject({ requesterName: 'Derya Koç', phone: '+90 5** *** ** 77', channel: 'phone', ticketId: ticket.id, status: 'requested' });
    const bad = await t
      .http()
      .post('/api/v1/appointments')
      .set(as(agent))
      .send({ requesterKind: 'citizen', subject: 'x', ticketId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'ticketId' })]);
    // The clear number is Özel Kalem's to read, through a logged call; others are refused.
    await t.http().get(`/api/v1/appointments/${a.id}/contact`).set(as(agent)).expect(403);
    const clear = await t.http().get(`/api/v1/appointments/${a.id}/contact`).set(as(kalem)).expect(200);
    expect(clear.body).toEqual({ phone: '+905329998877', email: null });
    const log = await t.dataSource.query('SELECT user_id, citizen_id, purpose FROM pii_access_log WHERE purpose = $1', [`appointment ${a.id}`]);
    expect(log).toEqual([{ user_id: kalem.id, citizen_id: ticket.citizen.id, purpose: `appointment ${a.id}` }]);
  });

  it('refuses a ticket of another department and tells nothing of its citizen', async () => {
    const park = await idByCode(t.dataSource, 'departments', 'PARK');
    const parkTicket = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(as(agent))
        .send(
          ticketInput({
            departmentId: park,
            subject: 'Parktaki bank kırık',
            citizen: { fullName: 'Gizli Vatandaş', phone: '05327776655', email: 'gizli@example.com' },
          }),
        )
        .expect(201)
    ).body;
    const fenStaff = await loginAs(t, 'department-staff');
    const res = await t
      .http()
      .post('/api/v1/appointments')
      .set(as(fenStaff))
      .send({ requesterKind: 'citizen', subject: 'Görüşme', ticketId: parkTicket.id })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'ticketId' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/Gizli|7776655|gizli@/);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM appointments WHERE ticket_id = $1', [parkTicket.id]);
    expect(n).toBe(0);
  });

  it('keeps the calendar with Özel Kalem', async () => {
    await t
      .http()
      .post('/api/v1/appointments/slots')
      .set(as(agent))
      .send({ startsAt: istanbul('2026-11-20T10:00:00').toISOString() })
      .expect(403);
    await t.http().get('/api/v1/appointments').set(as(agent)).expect(403);
    const list = (await t.http().get('/api/v1/appointments?status=scheduled').set(as(kalem)).expect(200)).body.items;
    expect(list.length).toBeGreaterThan(0);
    await t
      .http()
      .post('/api/v1/appointments/slots')
      .set(as(kalem))
      .send({ startsAt: istanbul('2026-11-05T11:30:00').toISOString() })
      .expect(409);
  });
});
