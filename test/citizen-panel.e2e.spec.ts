import { createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { tcKimlik } from './security/world';

/** The citizen beside a ticket and on an incoming call: tickets across channels, identities and consents, masked. */
describe("the citizen's panel", () => {
  let t: TestApp;
  let agent: Staff;
  let supervisor: Staff;
  let fen: Staff;
  let executive: Staff;
  let fenId: string;
  let parkId: string;
  const citizen = { fullName: 'Melike Dervişoğlu', phone: '05327713344', email: 'melike.dervis@example.com', tcKimlikNo: tcKimlik('561234563') };
  const clear = ['5327713344', citizen.email, citizen.tcKimlikNo];
  let fenTicket: { id: string; trackingNo: string; citizen: { id: string } };
  let parkTicket: { id: string; trackingNo: string };
  let ihbar: { id: string; trackingNo: string };
  let smsTicketId: string;

  const get = (staff: Staff, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
  const create = async (departmentId: string, subject: string, kind = 'sikayet', who: object = citizen) =>
    (
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send({ channel: 'phone', kind, departmentId, subject, description: `${subject}: ayrıntı.`, citizen: who })
        .expect(201)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    [agent, supervisor, fen, executive] = await Promise.all(['agent', 'supervisor', 'department-staff', 'executive'].map((u) => loginAs(t, u)));
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    fenTicket = await create(fenId, 'Yol çöktü');
    t.clock.advance(60_000);
    parkTicket = await create(parkId, 'Parkta salıncak kırık');
    t.clock.advance(60_000);
    // The same person's ihbar: never listed under them, never shown as theirs.
    ihbar = await create(fenId, 'Kaçak yapı var', 'ihbar');
    t.clock.advance(60_000);
    // An SMS from the citizen's phone: the phone is proven, the ticket joins their history.
    const sms = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', 'dev-only-intake-key-change-me')
      .send({ channel: 'sms', providerId: 'SM-panel-1', payload: { From: '+905327713344', Body: 'Sokak lambası yanmıyor, Atatürk Caddesi' } })
      .expect(202);
    smsTicketId = await waitFor('sms filed', async () => {
      const [row] = await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE id = $1 AND state = 'processed'`, [sms.body.eventId]);
      return row?.ticket_id ?? null;
    });
  });
  afterAll(() => t.close());

  it('shows the call centre all the citizen’s tickets across channels, newest first, with identities and consents masked', async () => {
    const res = await get(agent, `/tickets/${fenTicket.id}/citizen-panel`).expect(200);
    const body = res.body;
    expect(body.citizen).toEqual({
      id: fenTicket.citizen.id,
      fullName: citizen.fullName,
      identities: expect.arrayContaining([
        { kind: 'phone', valueMasked: '+90 5** *** ** 44', verified: true },
        { kind: 'email', valueMasked: 'm***@example.com', verified: false },
      ]),
      consents: { contact: false, marketing: false, optedOut: false, recordedAt: null },
      language: 'tr',
    });
    expect(body.tickets.map((r: { id: string }) => r.id)).toEqual([smsTicketId, parkTicket.id, fenTicket.id]);
    expect(body.tickets[1]).toEqual({
      id: parkTicket.id,
      trackingNo: parkTicket.trackingNo,
      subject: 'Parkta salıncak kırık',
      status: expect.any(String),
      statusLabel: expect.any(String),
      channel: 'phone',
      createdAt: expect.any(String),
      department: { id: parkId, name: expect.any(String) },
      overdue: false,
    });
    expect(body.tickets[0].channel).toBe('sms');
    for (const value of clear) expect(JSON.stringify(body)).not.toContain(value);
    expect(JSON.stringify(body)).not.toContain(ihbar.id);
    // The read is in the KVKK access log, with the ticket it was read for.
    const [log] = await t.dataSource.query(`SELECT purpose FROM pii_access_log WHERE citizen_id = $1 AND user_id = $2`, [fenTicket.citizen.id, agent.id]);
    expect(log.purpose).toBe(`vatandaş paneli ${fenTicket.trackingNo}`);
  });

  it("shows a department only its own department's tickets of the citizen and what the application gave", async () => {
    const body = (await get(fen, `/tickets/${fenTicket.id}/citizen-panel`).expect(200)).body;
    expect(body.tickets.length).toBeGreaterThan(0);
    expect(body.tickets.every((r: { department: { id: string } | null }) => r.department?.id === fenId)).toBe(true);
    expect(body.tickets.map((r: { id: string }) => r.id)).toContain(fenTicket.id);
    expect(JSON.stringify(body)).not.toMatch(/salıncak|Parkta/);
    expect(JSON.stringify(body)).not.toContain(parkTicket.id);
    expect(JSON.stringify(body)).not.toContain(ihbar.id);
    expect(body.citizen.fullName).toBe(citizen.fullName);
    expect(body.citizen.identities).toEqual([
      { kind: 'phone', valueMasked: '+90 5** *** ** 44', verified: false },
      { kind: 'email', valueMasked: 'm***@example.com', verified: false },
    ]);
    for (const value of clear) expect(JSON.stringify(body)).not.toContain(value);
  });

  it("gives a department 404 for another department's ticket, telling nothing", async () => {
    const res = await get(fen, `/tickets/${parkTicket.id}/citizen-panel`).expect(404);
    expect(JSON.stringify(res.body)).not.toMatch(/Dervişoğlu|salıncak/);
  });

  it('shows no one the citizen behind an ihbar', async () => {
    for (const staff of [agent, supervisor, fen, executive]) {
      expect((await get(staff, `/tickets/${ihbar.id}/citizen-panel`).expect(200)).body).toEqual({ citizen: null, tickets: [] });
    }
  });

  it('gives the call centre the same panel by citizen on an incoming call; others may not ask', async () => {
    const body = (await get(supervisor, `/citizens/${fenTicket.citizen.id}/panel`).expect(200)).body;
    expect(body.citizen.fullName).toBe(citizen.fullName);
    expect(body.tickets.map((r: { id: string }) => r.id)).toEqual([smsTicketId, parkTicket.id, fenTicket.id]);
    await get(fen, `/citizens/${fenTicket.citizen.id}/panel`).expect(403);
    await get(executive, `/citizens/${fenTicket.citizen.id}/panel`).expect(403);
    await get(agent, '/citizens/00000000-0000-4000-8000-000000000000/panel').expect(404);
    const bad = await get(agent, '/citizens/yok/panel').expect(400);
    expect(bad.body.details[0].field).toBe('id');
  });
});
