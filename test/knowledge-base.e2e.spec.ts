import { categoryId, createStaff, idByCode, loginAs, mobile, Staff, TestApp, createTestApp } from '@app/testing';

describe('knowledge base (bilgi bankası)', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let supervisor: Staff;
  let fenManager: Staff;
  let fenStaff: Staff;
  let parkManager: Staff;
  let fenId: string;
  let parkId: string;
  let asphalt: string;
  let trees: string;

  const call = (staff: Staff, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
    return body ? req.send(body) : req;
  };
  const ticket = async (channel: string, citizen: Record<string, string>, departmentId = fenId, category = asphalt) =>
    (
      await call(agent, 'post', '/tickets', {
        channel,
        kind: 'talep',
        departmentId,
        categoryId: category,
        subject: 'Asfalt çalışması ne zaman?',
        description: 'Sokağımızın asfaltı ne zaman yenilenecek, bilgi almak istiyorum.',
        citizen,
      }).expect(201)
    ).body as { id: string; trackingNo: string; version: number };
  const titles = async (staff: Staff, query = '') =>
    ((await call(staff, 'get', `/knowledge-articles${query}`).expect(200)).body as { title: string }[]).map((a) => a.title);

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-07T09:00:00+03:00') });
    [admin, agent, supervisor, fenManager, fenStaff] = await Promise.all(
      ['admin', 'agent', 'supervisor', 'department-manager', 'department-staff'].map((u) => loginAs(t, u)),
    );
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    parkManager = await createStaff(t, admin, 'department_manager', parkId);
    asphalt = await categoryId(t.dataSource, 'FEN-001');
    trees = await categoryId(t.dataSource, 'PRK-002');
  });
  afterAll(() => t.close());

  let asphaltArticle: string;
  let pruningArticle: string;

  it('lets a department manager keep their own department’s articles, an admin any; agents and staff only read', async () => {
    const created = await call(fenManager, 'post', '/knowledge-articles', {
      title: 'Asfalt yenileme programı',
      body: 'Sayın {adSoyad}, 2027 asfalt yenileme programı Mart ayında başlar; sokağınız programda ise {birim} sizi bilgilendirir. ({takipNo})',
      categoryId: asphalt,
      validUntil: '2027-03-31',
    }).expect(201);
    expect(created.body).toMatchObject({ department: { id: fenId }, category: { id: asphalt }, validUntil: '2027-03-31', expired: false });
    asphaltArticle = created.body.id;
    pruningArticle = (
      await call(admin, 'post', '/knowledge-articles', {
        title: 'Budama takvimi',
        body: 'Ağaç budaması Kasım–Mart arasında yapılır.',
        categoryId: trees,
        departmentId: parkId,
      }).expect(201)
    ).body.id;

    // Another department's article is refused to a manager, to create and to edit; staff and agents edit nothing.
    await call(fenManager, 'post', '/knowledge-articles', { title: 'Park için', body: 'x', categoryId: trees, departmentId: parkId }).expect(403);
    await call(fenManager, 'patch', `/knowledge-articles/${pruningArticle}`, { title: 'Değişti' }).expect(403);
    await call(fenManager, 'delete', `/knowledge-articles/${pruningArticle}`).expect(403);
    await call(parkManager, 'patch', `/knowledge-articles/${asphaltArticle}`, { validUntil: null }).expect(403);
    await call(fenStaff, 'post', '/knowledge-articles', { title: 'Personel', body: 'x', categoryId: asphalt }).expect(403);
    await call(agent, 'patch', `/knowledge-articles/${asphaltArticle}`, { title: 'Çağrı' }).expect(403);
    await call(supervisor, 'delete', `/knowledge-articles/${asphaltArticle}`).expect(403);
    // A typo in a placeholder never reaches a citizen.
    const typo = await call(fenManager, 'post', '/knowledge-articles', { title: 'Yazım', body: 'Sayın {ad}', categoryId: asphalt }).expect(400);
    expect(JSON.stringify(typo.body)).toContain('{ad}');

    expect(await titles(agent)).toEqual(['Asfalt yenileme programı', 'Budama takvimi']);
    expect(await titles(fenStaff)).toEqual(['Asfalt yenileme programı', 'Budama takvimi']);
  });

  it('finds articles by words in any order, with Turkish letters and case folded as the ticket search does', async () => {
    expect(await titles(agent, `?q=${encodeURIComponent('PROGRAMI asfalt')}`)).toEqual(['Asfalt yenileme programı']);
    expect(await titles(agent, `?q=${encodeURIComponent('budamasi kasim')}`)).toEqual(['Budama takvimi']);
    expect(await titles(agent, `?q=${encodeURIComponent('asfalt kasım')}`)).toEqual([]);
    expect(await titles(agent, `?categoryId=${trees}`)).toEqual(['Budama takvimi']);
  });

  it('answers an information request with an article in one step, the text reaching the citizen on their channel', async () => {
    const phone = mobile();
    const request = await ticket('phone', { fullName: 'Kemal Sunal', phone });
    const res = await call(agent, 'post', `/knowledge-articles/${asphaltArticle}/answer`, { ticketId: request.id, version: request.version }).expect(200);
    const text = `Sayın Kemal Sunal, 2027 asfalt yenileme programı Mart ayında başlar; sokağınız programda ise Fen İşleri Müdürlüğü sizi bilgilendirir. (${request.trackingNo})`;
    expect(res.body).toEqual({ ticketId: request.id, status: 'answered', text });

    const view = (await call(agent, 'get', `/tickets/${request.id}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'answered', resolutionNote: text });
    const messages: { channel: string; recipient: string; body: string; purpose: string }[] = await t.dataSource.query(
      `SELECT channel, recipient, body, purpose FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'answered'`,
      [request.id],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'sms', recipient: `+90${phone.slice(1)}` });
    expect(messages[0].body).toContain(text);

    // An e-mail applicant is answered by e-mail.
    const mailed = await ticket('email', { fullName: 'Adile Naşit', email: 'adile@example.com' });
    await call(agent, 'post', `/knowledge-articles/${asphaltArticle}/answer`, { ticketId: mailed.id, version: mailed.version }).expect(200);
    const [mail] = await t.dataSource.query(`SELECT channel, recipient, body FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'answered'`, [
      mailed.id,
    ]);
    expect(mail).toMatchObject({ channel: 'email', recipient: 'adile@example.com' });
    expect(mail.body).toContain('Sayın Adile Naşit, 2027 asfalt yenileme programı');

    // Answered once: the same step again is refused (the ticket is no longer open), and no second message is written.
    await call(agent, 'post', `/knowledge-articles/${asphaltArticle}/answer`, { ticketId: request.id, version: request.version + 1 }).expect(409);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'answered'`, [request.id]);
    expect(n).toBe(1);
  });

  it('answers a request just opened on a call without its version (routing may have moved it meanwhile)', async () => {
    const request = await ticket('phone', { fullName: 'Zeki Alasya', phone: mobile() }, parkId, trees);
    const res = await call(agent, 'post', `/knowledge-articles/${pruningArticle}/answer`, { ticketId: request.id }).expect(200);
    expect(res.body).toEqual({ ticketId: request.id, status: 'answered', text: 'Ağaç budaması Kasım–Mart arasında yapılır.' });
  });

  it('refuses another department’s ticket to department staff, as if it did not exist', async () => {
    const parkTicket = await ticket('phone', { fullName: 'Şener Şen', phone: mobile() }, parkId, trees);
    await call(fenStaff, 'post', `/knowledge-articles/${pruningArticle}/answer`, { ticketId: parkTicket.id, version: parkTicket.version }).expect(404);
  });

  it('no longer offers an expired article, nor lets it answer; the knowledge-base page still lists it to renew', async () => {
    await call(fenManager, 'patch', `/knowledge-articles/${asphaltArticle}`, { validUntil: '2026-12-06' }).expect(200);
    expect(await titles(agent)).toEqual(['Budama takvimi']);
    expect(await titles(agent, '?q=asfalt')).toEqual([]);
    const all = (await call(fenManager, 'get', '/knowledge-articles?includeExpired=true').expect(200)).body as { title: string; expired: boolean }[];
    expect(all.map((a) => [a.title, a.expired])).toEqual([
      ['Asfalt yenileme programı', true],
      ['Budama takvimi', false],
    ]);
    const request = await ticket('phone', { fullName: 'Münir Özkul', phone: mobile() });
    const refused = await call(agent, 'post', `/knowledge-articles/${asphaltArticle}/answer`, { ticketId: request.id, version: request.version }).expect(409);
    expect(refused.body.message).toContain('geçerliliği');
    // The day itself still counts: valid until the 7th is offered on the 7th.
    await call(fenManager, 'patch', `/knowledge-articles/${asphaltArticle}`, { validUntil: '2026-12-07' }).expect(200);
    expect(await titles(agent, '?q=asfalt')).toEqual(['Asfalt yenileme programı']);
  });

  it('counts which articles answered most, and the calls among them', async () => {
    for (const channel of ['phone', 'phone', 'web']) {
      const request = await ticket(channel, { fullName: 'Halit Akçatepe', phone: mobile() }, parkId, trees);
      await call(agent, 'post', `/knowledge-articles/${pruningArticle}/answer`, { ticketId: request.id, version: request.version }).expect(200);
    }
    const figures = (await call(supervisor, 'get', '/knowledge-articles/figures?from=2026-12-07&to=2026-12-07').expect(200)).body;
    // Budama: the call above and these 3, 3 by phone; asfalt: the phone and the e-mail request above.
    expect(figures).toEqual([
      { article: { id: pruningArticle, title: 'Budama takvimi' }, answers: 4, calls: 3 },
      { article: { id: asphaltArticle, title: 'Asfalt yenileme programı' }, answers: 2, calls: 1 },
    ]);
    expect((await call(supervisor, 'get', '/knowledge-articles/figures?from=2026-12-08&to=2026-12-31').expect(200)).body).toEqual([]);
    await call(agent, 'get', '/knowledge-articles/figures?from=2026-12-07&to=2026-12-07').expect(403);
  });
});
