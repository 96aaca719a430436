import { createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';
import { tcKimlik } from './security/world';

/** The one search box of the ticket list: tracking number, phone in any spelling, T.C. number, e-mail, name. */
describe('search in the ticket list', () => {
  let t: TestApp;
  let agent: Staff;
  let supervisor: Staff;
  let admin: Staff;
  let fen: Staff;
  let fenId: string;
  let parkId: string;
  const citizen = { fullName: 'Zeynep Karaağaç', phone: '0532 771 22 33', email: 'zeynep.karaagac@example.com', tcKimlikNo: tcKimlik('371234561') };
  const informant = { fullName: 'Saklı Bildirenoğlu', phone: '05447710099', email: 'sakli.bildiren@example.com', tcKimlikNo: tcKimlik('481234562') };
  let inFen: { id: string; trackingNo: string };
  let inPark: { id: string; trackingNo: string };
  let phoneOnly: { id: string; trackingNo: string };
  let ihbar: { id: string; trackingNo: string };

  const post = (staff: Staff, path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body);
  const search = async (staff: Staff, q: string, extra = '') => {
    const res = await t
      .http()
      .get(`/api/v1/tickets?q=${encodeURIComponent(q)}${extra}`)
      .set('Authorization', `Bearer ${staff.token}`)
      .expect(200);
    return (res.body.items as { id: string }[]).map((i) => i.id).sort();
  };
  const ticket = async (departmentId: string, who: object, kind = 'sikayet') =>
    (
      await post(agent, '/tickets', {
        channel: 'phone',
        kind,
        departmentId,
        subject: 'Kaldırım taşları kırık',
        description: 'Okul önündeki kaldırım taşları kırıldı.',
        citizen: who,
      }).expect(201)
    ).body as { id: string; trackingNo: string };

  beforeAll(async () => {
    t = await createTestApp();
    [agent, supervisor, admin, fen] = await Promise.all(['agent', 'supervisor', 'admin', 'department-staff'].map((u) => loginAs(t, u)));
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    inFen = await ticket(fenId, citizen);
    inPark = await ticket(parkId, citizen);
    // The same citizen (by phone), this application giving no e-mail or T.C. number.
    phoneOnly = await ticket(fenId, { fullName: citizen.fullName, phone: '+905327712233' });
    ihbar = await ticket(fenId, informant, 'ihbar');
    // Answered, an hour later: out of every queue, still found by its number.
    t.clock.advance(3_600_000);
    const { version } = (await t.http().get(`/api/v1/tickets/${inFen.id}`).set('Authorization', `Bearer ${agent.token}`).expect(200)).body;
    await post(agent, `/tickets/${inFen.id}/status`, { version, status: 'answered', note: 'Kaldırım onarıldı.' }).expect(200);
  });
  afterAll(() => t.close());

  it('finds an answered ticket by its tracking number, exactly (a prefix finds nothing)', async () => {
    expect(await search(agent, inFen.trackingNo)).toEqual([inFen.id]);
    expect(await search(agent, inFen.trackingNo.slice(0, -1))).toEqual([]);
    expect(await search(fen, inPark.trackingNo)).toEqual([]);
  });

  it.each(['0532 771 22 33', '5327712233', '+90 532 771 22 33', '(532) 771-2233', '0090 532 771 2233', '05327712233'])(
    'finds the citizen’s tickets by the phone spelled %j',
    async (phone) => {
      expect(await search(agent, phone)).toEqual([inFen.id, inPark.id, phoneOnly.id].sort());
    },
  );

  it('finds by T.C. Kimlik number (its hash) and by e-mail in any case, through the citizen for the call centre', async () => {
    const all = [inFen.id, inPark.id, phoneOnly.id].sort();
    expect(await search(agent, citizen.tcKimlikNo)).toEqual(all);
    expect(await search(supervisor, citizen.email.toUpperCase())).toEqual(all);
    // Eleven digits that fail the checksum are no one's number.
    expect(await search(agent, `${citizen.tcKimlikNo.slice(0, 10)}${(Number(citizen.tcKimlikNo[10]) + 1) % 10}`)).toEqual([]);
  });

  it('finds by name, folded ("zeynep karaagac" = "Zeynep Karaağaç")', async () => {
    expect(await search(agent, 'zeynep karaagac')).toEqual([inFen.id, inPark.id, phoneOnly.id].sort());
  });

  it("never finds another department's ticket for a department role, and matches its own by what the application gave", async () => {
    expect(await search(fen, '0532 771 22 33')).toEqual([inFen.id, phoneOnly.id].sort());
    expect(await search(fen, citizen.tcKimlikNo)).toEqual([inFen.id, phoneOnly.id].sort());
    // The e-mail is the citizen's record's, not this application's: the department is not told it.
    expect(await search(fen, citizen.email)).toEqual([inFen.id]);
    expect(await search(fen, 'Karaağaç')).toEqual([inFen.id, phoneOnly.id].sort());
    const fenRows = (await t.http().get('/api/v1/tickets?q=kaldirim&pageSize=100').set('Authorization', `Bearer ${fen.token}`).expect(200)).body.items;
    expect(fenRows.every((r: { department: { id: string } }) => r.department.id === fenId)).toBe(true);
  });

  it("never finds an ihbar's informant by phone, T.C. number, e-mail or name, for anyone", async () => {
    for (const staff of [agent, supervisor, admin, fen]) {
      for (const q of [informant.phone, '5447710099', informant.tcKimlikNo, informant.email, 'Bildirenoğlu', 'sakli bildirenoglu']) {
        expect({ q, found: await search(staff, q) }).toEqual({ q, found: [] });
      }
    }
    // The ihbar itself is found by its number and its words.
    expect(await search(supervisor, ihbar.trackingNo)).toEqual([ihbar.id]);
    expect(await search(fen, 'kaldirim')).toContain(ihbar.id);
  });

  it('keeps the other filters with the search, and sorts by update time and status', async () => {
    expect(await search(agent, '0532 771 22 33', `&departmentId=${parkId}`)).toEqual([inPark.id]);
    expect(await search(agent, '0532 771 22 33', '&status=answered')).toEqual([inFen.id]);
    const byUpdate = await t.http().get('/api/v1/tickets?q=5327712233&sort=-updatedAt').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(byUpdate.body.items[0].id).toBe(inFen.id);
    const oldestFirst = await t.http().get('/api/v1/tickets?q=5327712233&sort=updatedAt').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(oldestFirst.body.items.at(-1).id).toBe(inFen.id);
    const byStatus = await t.http().get('/api/v1/tickets?q=5327712233&sort=-status').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(byStatus.body.items[0].status).toBe('answered');
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const short = await t.http().get('/api/v1/tickets?q=x').set('Authorization', `Bearer ${agent.token}`).expect(400);
    expect(short.body.details.map((d: { field: string }) => d.field)).toContain('q');
    const sort = await t.http().get('/api/v1/tickets?sort=phone').set('Authorization', `Bearer ${agent.token}`).expect(400);
    expect(sort.body.details.map((d: { field: string }) => d.field)).toContain('sort');
  });
});
