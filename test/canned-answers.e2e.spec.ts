import { turkishDate } from '@app/common';
import { createStaff, idByCode, loginAs, Staff, TestApp, createTestApp } from '@app/testing';

describe('canned answers (hazır yanıtlar)', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let supervisor: Staff;
  let fenStaff: Staff;
  let fenManager: Staff;
  let parkManager: Staff;
  let fenId: string;
  let parkId: string;
  let fenTicket: { id: string; trackingNo: string };
  let parkTicket: { id: string; trackingNo: string };
  let ihbar: { id: string; trackingNo: string };

  const call = (staff: Staff, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
    return body ? req.send(body) : req;
  };
  const ticket = async (departmentId: string, kind = 'sikayet') =>
    (
      await call(agent, 'post', '/tickets', {
        channel: 'phone',
        kind,
        departmentId,
        subject: 'Park bankı kırık',
        description: 'Parktaki bank kırıldı.',
        citizen: { fullName: 'Selin Ağaoğlu', phone: '05321239876' },
      }).expect(201)
    ).body as { id: string; trackingNo: string };
  const titles = async (staff: Staff, query = '') =>
    ((await call(staff, 'get', `/canned-answers${query}`).expect(200)).body as { title: string }[]).map((a) => a.title);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent, supervisor, fenStaff, fenManager] = await Promise.all(
      ['admin', 'agent', 'supervisor', 'department-staff', 'department-manager'].map((u) => loginAs(t, u)),
    );
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    parkManager = await createStaff(t, admin, 'department_manager', parkId);
    fenTicket = await ticket(fenId);
    parkTicket = await ticket(parkId);
    ihbar = await ticket(fenId, 'ihbar');
  });
  afterAll(() => t.close());

  let fenAnswer: string;
  let parkAnswer: string;
  let globalAnswer: string;

  it('lets department managers keep their own department’s answers, supervisors any and the global ones', async () => {
    const body = 'Sayın {adSoyad}, {takipNo} numaralı "{konu}" başvurunuz {birim} tarafından {tarih} tarihinde incelendi.';
    fenAnswer = (await call(fenManager, 'post', '/canned-answers', { title: 'Fen: inceleme', body, departmentId: fenId }).expect(201)).body.id;
    parkAnswer = (
      await call(parkManager, 'post', '/canned-answers', { title: 'Park: bank onarımı', body: 'Bankınız {tarih} onarılacak.', departmentId: parkId }).expect(
        201,
      )
    ).body.id;
    const global = await call(supervisor, 'post', '/canned-answers', { title: 'Ortak: teşekkür', body: 'Bildiriminiz için teşekkür ederiz. {takipNo}' }).expect(
      201,
    );
    expect(global.body).toMatchObject({ department: null, title: 'Ortak: teşekkür' });
    globalAnswer = global.body.id;

    // A manager keeps no other department's answers and no global ones; staff keep none.
    await call(fenManager, 'post', '/canned-answers', { title: 'Park için', body: 'x', departmentId: parkId }).expect(403);
    await call(fenManager, 'post', '/canned-answers', { title: 'Ortak', body: 'x' }).expect(403);
    await call(fenStaff, 'post', '/canned-answers', { title: 'Fen personeli', body: 'x', departmentId: fenId }).expect(403);
    await call(agent, 'post', '/canned-answers', { title: 'Çağrı', body: 'x' }).expect(403);
    await call(fenManager, 'patch', `/canned-answers/${globalAnswer}`, { title: 'Değişti' }).expect(403);
    await call(fenManager, 'patch', `/canned-answers/${fenAnswer}`, { departmentId: parkId }).expect(403);
    await call(fenManager, 'patch', `/canned-answers/${parkAnswer}`, { title: 'Değişti' }).expect(404);
    await call(fenManager, 'delete', `/canned-answers/${parkAnswer}`).expect(404);
    expect(await titles(supervisor)).toEqual(['Fen: inceleme', 'Park: bank onarımı', 'Ortak: teşekkür']);
  });

  it("shows a department its own and the global answers, never another department's", async () => {
    expect(await titles(fenStaff)).toEqual(['Fen: inceleme', 'Ortak: teşekkür']);
    expect(await titles(fenStaff, `?departmentId=${parkId}`)).toEqual(['Ortak: teşekkür']);
    expect(await titles(agent, `?departmentId=${parkId}`)).toEqual(['Park: bank onarımı', 'Ortak: teşekkür']);
    expect(await titles(agent, '?q=BANK ONARIMI')).toEqual(['Park: bank onarımı']);
    expect(await titles(agent, '?q=tesekkur')).toEqual(['Ortak: teşekkür']);
  });

  it('renders the placeholders from the ticket', async () => {
    const res = await call(fenStaff, 'post', `/canned-answers/${fenAnswer}/render`, { ticketId: fenTicket.id }).expect(200);
    expect(res.body).toEqual({
      text: `Sayın Selin Ağaoğlu, ${fenTicket.trackingNo} numaralı "Park bankı kırık" başvurunuz Fen İşleri Müdürlüğü tarafından ${turkishDate(t.clock.now())} tarihinde incelendi.`,
    });
  });

  it("names no informant in an ihbar's answer", async () => {
    const res = await call(supervisor, 'post', `/canned-answers/${fenAnswer}/render`, { ticketId: ihbar.id }).expect(200);
    expect(res.body.text).toMatch(/^Sayın , /);
    expect(res.body.text).not.toMatch(/Selin|Ağaoğlu/);
  });

  it("never renders for a department another department's ticket or answer", async () => {
    const leaked = await call(fenStaff, 'post', `/canned-answers/${globalAnswer}/render`, { ticketId: parkTicket.id }).expect(404);
    expect(JSON.stringify(leaked.body)).not.toMatch(/Selin|Park bankı|Ağaoğlu/);
    await call(fenStaff, 'post', `/canned-answers/${parkAnswer}/render`, { ticketId: fenTicket.id }).expect(404);
    // The call centre renders any department's answer for any ticket.
    await call(agent, 'post', `/canned-answers/${parkAnswer}/render`, { ticketId: fenTicket.id }).expect(200);
  });

  it('refuses unknown placeholders when saved, naming them, and other bad input naming the field', async () => {
    const unknown = await call(supervisor, 'post', '/canned-answers', { title: 'Hatalı', body: 'Sayın {ad} {soyad}, {takipNo}' }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'body', message: expect.stringContaining('{ad}, {soyad}') }]);
    const patched = await call(fenManager, 'patch', `/canned-answers/${fenAnswer}`, { body: 'Merhaba {telefon}' }).expect(400);
    expect(patched.body.details[0]).toMatchObject({ field: 'body', message: expect.stringContaining('{telefon}') });
    for (const [body, field] of [
      [{ title: 'ab', body: 'x' }, 'title'],
      [{ title: 'Uzun', body: 'x'.repeat(4001) }, 'body'],
      [{ title: 'Birim', body: 'x', departmentId: 'fen' }, 'departmentId'],
      [{ title: 'Birim', body: 'x', departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId'],
    ] as const) {
      const res = await call(supervisor, 'post', '/canned-answers', body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const render = await call(agent, 'post', `/canned-answers/${fenAnswer}/render`, { ticketId: 'yok' }).expect(400);
    expect(render.body.details[0].field).toBe('ticketId');
    expect(await titles(supervisor)).toHaveLength(3);
  });

  it('updates and deletes', async () => {
    const updated = await call(fenManager, 'patch', `/canned-answers/${fenAnswer}`, { title: 'Fen: inceleme sonucu' }).expect(200);
    expect(updated.body).toMatchObject({ title: 'Fen: inceleme sonucu', department: { id: fenId } });
    await call(supervisor, 'delete', `/canned-answers/${parkAnswer}`).expect(204);
    await call(supervisor, 'delete', `/canned-answers/${parkAnswer}`).expect(404);
    expect(await titles(agent)).toEqual(['Fen: inceleme sonucu', 'Ortak: teşekkür']);
  });
});
