import { createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

/** An ihbar's informant: hidden from the department that handles it, and from everyone but supervisors and admins' logged read. */
const PURPOSE = encodeURIComponent('Muhbiri geri arama');

describe('ihbar: the informant hidden', () => {
  let t: TestApp;
  let agent: Staff;
  let fen: Staff;
  let supervisor: Staff;
  let executive: Staff;
  let fenId: string;
  const informant = { fullName: 'Gizli Muhbir Kayaoğlu', phone: '05443337788', email: 'muhbir.kaya@example.com' };

  beforeAll(async () => {
    t = await createTestApp();
    [agent, fen, supervisor, executive] = await Promise.all(['agent', 'department-staff', 'supervisor', 'executive'].map((u) => loginAs(t, u)));
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
  });
  afterAll(() => t.close());

  const get = (staff: Staff, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
  const post = (staff: Staff, path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body);
  const identity = /Kayaoğlu|kayaoglu|3337788|muhbir\.kaya/i;

  it('shows no one the informant in the ticket, its list, its search, its notices or a copy, and marks no duplicate by them', async () => {
    const ihbar = await post(agent, '/tickets', {
      channel: 'phone',
      kind: 'ihbar',
      departmentId: fenId,
      subject: 'Kaçak yapı ihbarı',
      description: 'Gül Sokak 3 numarada ruhsatsız kat çıkılıyor.',
      citizen: informant,
    }).expect(201);
    expect(ihbar.body).toMatchObject({ citizen: null, applicantHidden: true });
    expect(JSON.stringify(ihbar.body)).not.toMatch(identity);
    const id = ihbar.body.id as string;
    await waitFor('routed', async () => ((await get(fen, `/tickets/${id}`)).body.routedAt ? true : undefined));

    for (const staff of [fen, agent, executive, supervisor]) {
      const detail = await get(staff, `/tickets/${id}`).expect(200);
      expect(detail.body).toMatchObject({ citizen: null, applicantHidden: true });
      expect(JSON.stringify(detail.body)).not.toMatch(identity);
      expect(JSON.stringify((await get(staff, `/tickets/${id}/notifications`).expect(200)).body)).not.toMatch(identity);
    }
    const searched = await get(fen, `/tickets?q=${encodeURIComponent('Kayaoğlu')}`).expect(200);
    expect(searched.body.items).toEqual([]);
    const listed = await get(fen, `/tickets?q=${encodeURIComponent('Gül Sokak')}`).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(JSON.stringify(listed.body)).not.toMatch(identity);

    // An appointment request on the ticket is lent no name or contact from it: it must be given.
    const lent = await post(supervisor, '/appointments', { requesterKind: 'citizen', subject: 'Başkanla görüşme', ticketId: id }).expect(400);
    expect(lent.body.details[0].field).toBe('requesterName');
    const appointment = await post(supervisor, '/appointments', { requesterKind: 'citizen', requesterName: 'Adını vermedi', subject: 'Görüşme', ticketId: id });
    expect(appointment.status).toBe(201);
    expect(JSON.stringify(appointment.body)).not.toMatch(identity);

    // The same person's complaint in the same week is not marked as the ihbar's duplicate.
    const complaint = await post(agent, '/tickets', {
      channel: 'phone',
      kind: 'sikayet',
      departmentId: fenId,
      subject: 'Kaldırım bozuk',
      description: 'Gül Sokak kaldırımı bozuk.',
      citizen: informant,
    }).expect(201);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM duplicate_suspicions WHERE ticket_id = ANY($1) OR original_id = ANY($1)`, [
      [id, complaint.body.id],
    ]);
    expect(n).toBe(0);
  });

  it('lets only supervisors and admins read who it was, through the contact action, which is logged', async () => {
    const [{ id, tracking_no: trackingNo }] = await t.dataSource.query(`SELECT id, tracking_no FROM tickets WHERE kind = 'ihbar'`);
    const refused = await get(fen, `/tickets/${id}/contact?purpose=${PURPOSE}`).expect(403);
    expect(refused.body.message).toContain('İhbarda bulunanın kimliği gizlidir');
    await get(agent, `/tickets/${id}/contact?purpose=${PURPOSE}`).expect(403);
    await get(executive, `/tickets/${id}/contact?purpose=${PURPOSE}`).expect(403);
    const revealed = await get(supervisor, `/tickets/${id}/contact?purpose=${PURPOSE}`).expect(200);
    expect(revealed.body).toEqual({ name: informant.fullName, phone: '+905443337788', email: informant.email, shownForSeconds: 60 });
    const logged = await t.dataSource.query(`SELECT user_id, purpose FROM pii_access_log WHERE purpose LIKE $1`, [`ihbar ${trackingNo}%`]);
    expect(logged).toEqual([{ user_id: supervisor.id, purpose: `ihbar ${trackingNo}: Muhbiri geri arama` }]);
  });
});
