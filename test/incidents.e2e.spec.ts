import { IncidentAnswerProcessor } from '../src/modules/incidents/incident-answer.processor';
import { categoryId, createStaff, idByCode, loginAs, mobile, Staff, TestApp, createTestApp, waitFor } from '@app/testing';

const LINKED = 300;

describe('incidents (olaylar)', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let fenManager: Staff;
  let fenStaff: Staff;
  let parkManager: Staff;
  let fenId: string;
  let flooding: string;
  let pothole: string;
  let cumhuriyet: string;
  let yenidogan: string;
  let fatih: string;

  const call = (staff: Staff, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`);
    return body ? req.send(body) : req;
  };
  const report = async (overrides: Record<string, unknown> = {}, citizen: Record<string, string> = { fullName: 'Ayşe Yılmaz', phone: mobile() }) =>
    (
      await call(agent, 'post', '/tickets', {
        channel: 'phone',
        kind: 'sikayet',
        departmentId: fenId,
        categoryId: flooding,
        mahalleId: cumhuriyet,
        subject: 'Yağmurdan sonra cadde su altında',
        description: 'Fırtınadan sonra caddede yağmur suyu birikti, ızgaralar tıkalı, evlere su giriyor.',
        citizen,
        ...overrides,
      }).expect(201)
    ).body as { id: string; trackingNo: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { INCIDENT_NOTICES_PER_MINUTE: '100' } });
    [admin, agent, fenManager, fenStaff] = await Promise.all(['admin', 'agent', 'department-manager', 'department-staff'].map((u) => loginAs(t, u)));
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    parkManager = await createStaff(t, admin, 'department_manager', await idByCode(t.dataSource, 'departments', 'PARK'));
    flooding = await categoryId(t.dataSource, 'FEN-004');
    pothole = await categoryId(t.dataSource, 'FEN-001');
    [cumhuriyet, yenidogan, fatih] = await Promise.all(['CUMHURIYET', 'YENIDOGAN', 'FATIH'].map((c) => idByCode(t.dataSource, 'mahalleler', c)));
  });
  afterAll(() => t.close());

  let incidentId: string;
  const first: { id: string; trackingNo: string }[] = [];

  it('suggests the new reports that match an incident: its subject, its mahalleler, its time, like text', async () => {
    first.push(await report(), await report({ mahalleId: yenidogan }));
    const incident = await call(fenStaff, 'post', '/incidents', {
      title: 'Fırtına: yağmur suyu baskınları',
      description: 'Fırtınadan sonra caddede yağmur suyu birikti, ızgaralar tıkalı',
      categoryId: flooding,
      mahalleIds: [cumhuriyet, yenidogan],
    }).expect(201);
    expect(incident.body).toMatchObject({ department: { id: fenId }, linked: 0, answeredAt: null, tickets: [] });
    incidentId = incident.body.id;

    const otherMahalle = await report({ mahalleId: fatih });
    const otherSubject = await report({ categoryId: pothole });
    const otherText = await report({ subject: 'Kaldırım taşı kırık', description: 'Okul önündeki kaldırımın taşları kırılmış, çocuklar düşüyor.' });
    const suggested = (await call(fenStaff, 'get', `/incidents/${incidentId}/suggestions`).expect(200)).body as { id: string }[];
    expect(suggested.map((s) => s.id).sort()).toEqual(first.map((f) => f.id).sort());
    for (const left of [otherMahalle, otherSubject, otherText]) expect(suggested.map((s) => s.id)).not.toContain(left.id);

    // The ticket page offers the incident to a matching report, not to another.
    expect((await call(fenStaff, 'get', `/incidents/matching/${first[0].id}`).expect(200)).body).toEqual([
      { id: incidentId, title: 'Fırtına: yağmur suyu baskınları' },
    ]);
    expect((await call(fenStaff, 'get', `/incidents/matching/${otherText.id}`).expect(200)).body).toEqual([]);

    // Linked, a report is no longer suggested.
    await call(fenStaff, 'post', `/incidents/${incidentId}/tickets`, { ticketIds: [first[0].id] }).expect(200);
    expect(((await call(fenStaff, 'get', `/incidents/${incidentId}/suggestions`).expect(200)).body as { id: string }[]).map((s) => s.id)).toEqual([
      first[1].id,
    ]);
  });

  it('changes an open incident’s wording, mahalleler and window, the suggestions following; a window that ends before it begins is refused', async () => {
    const before = (await call(fenStaff, 'get', `/incidents/${incidentId}`).expect(200)).body;
    const narrowed = await call(fenStaff, 'patch', `/incidents/${incidentId}`, {
      title: 'Fırtına: su baskınları (Cumhuriyet)',
      mahalleIds: [cumhuriyet],
    }).expect(200);
    expect(narrowed.body).toMatchObject({ title: 'Fırtına: su baskınları (Cumhuriyet)', mahalleIds: [cumhuriyet], description: before.description, linked: 1 });
    // The Yenidoğan report is no longer suggested; the linked one stays linked.
    expect((await call(fenStaff, 'get', `/incidents/${incidentId}/suggestions`).expect(200)).body).toEqual([]);
    const refused = await call(fenStaff, 'patch', `/incidents/${incidentId}`, { endsAt: before.startsAt }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'endsAt', message: expect.stringContaining('başlangıcından sonra') }]);
    await call(parkManager, 'patch', `/incidents/${incidentId}`, { title: 'Başka birimden' }).expect(404);
    const unknown = await call(fenStaff, 'patch', `/incidents/${incidentId}`, { mahalleIds: [cumhuriyet, '00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'mahalleIds', message: expect.stringContaining('böyle bir mahalle yok') }]);
    // Nulls, as a form that leaves a field out sends them, change nothing.
    await call(fenStaff, 'patch', `/incidents/${incidentId}`, { title: null, description: null, mahalleIds: null, startsAt: null }).expect(200);
    expect((await call(fenStaff, 'get', `/incidents/${incidentId}`).expect(200)).body).toMatchObject({
      title: 'Fırtına: su baskınları (Cumhuriyet)',
      mahalleIds: [cumhuriyet],
    });
    const widened = await call(fenStaff, 'patch', `/incidents/${incidentId}`, { mahalleIds: [cumhuriyet, yenidogan], endsAt: null }).expect(200);
    expect(widened.body).toMatchObject({ title: 'Fırtına: su baskınları (Cumhuriyet)', endsAt: null });
    expect(((await call(fenStaff, 'get', `/incidents/${incidentId}/suggestions`).expect(200)).body as { id: string }[]).map((s) => s.id)).toEqual([
      first[1].id,
    ]);
  });

  it('keeps another department’s incident from a department’s staff: not seen, not linked, not answered', async () => {
    await call(parkManager, 'get', `/incidents/${incidentId}`).expect(404);
    await call(parkManager, 'post', `/incidents/${incidentId}/tickets`, { ticketIds: [first[1].id] }).expect(404);
    await call(parkManager, 'post', `/incidents/${incidentId}/answer`, { text: 'Başka birimden yanıt' }).expect(404);
    expect((await call(parkManager, 'get', '/incidents').expect(200)).body).toEqual([]);
    // Nor may a department open an incident on another department's subject.
    await call(parkManager, 'post', '/incidents', { title: 'Park dışı', description: 'Yağmur suyu', categoryId: flooding }).expect(400);
    // Staff link, only the managers (and supervisors) answer.
    await call(fenStaff, 'post', `/incidents/${incidentId}/answer`, { text: 'Personelden yanıt' }).expect(403);
  });

  it(`answers ${LINKED} linked tickets once, telling each citizen once on their own channel, spread within the rate limit`, async () => {
    const phones: string[] = [];
    const created: { id: string }[] = [first[0], first[1]];
    for (let i = created.length; i < LINKED; i += 10) {
      const batch = Array.from({ length: Math.min(10, LINKED - i) }, (_, k) => {
        const n = i + k;
        // A third write by e-mail, the rest call: each is answered on its own channel.
        if (n % 3 === 0) return report({ channel: 'email' }, { fullName: `Vatandaş ${n}`, email: `v${n}@example.com` });
        const phone = mobile();
        phones.push(phone);
        return report({ channel: 'phone' }, { fullName: `Vatandaş ${n}`, phone });
      });
      created.push(...(await Promise.all(batch)));
    }
    for (let i = 0; i < created.length; i += 100) {
      await call(fenStaff, 'post', `/incidents/${incidentId}/tickets`, { ticketIds: created.slice(i, i + 100).map((c) => c.id) }).expect(200);
    }
    expect((await call(fenManager, 'get', `/incidents/${incidentId}`).expect(200)).body.linked).toBe(LINKED);

    const started = Date.now();
    const answer = 'Fırtına sonrası tıkanan ızgaralar ekiplerimizce açıldı; biriken su tahliye edildi.';
    const answered = await call(fenManager, 'post', `/incidents/${incidentId}/answer`, { text: answer }).expect(200);
    expect(answered.body).toMatchObject({ answerText: answer, answeredByName: expect.any(String) });
    // A second answer (a double click, a change of mind) is refused: the first went out.
    await call(fenManager, 'post', `/incidents/${incidentId}/answer`, { text: answer }).expect(409);

    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets, count(*) FILTER (WHERE channel = 'email')::int AS mails
             FROM outbound_messages WHERE purpose = 'answered' AND dedupe_key LIKE $1`,
          [`%-incident-${incidentId}`],
        )
      )[0] as { n: number; tickets: number; mails: number };
    await waitFor('every linked ticket answered', async () => (await count()).n === LINKED, 120_000, 250);
    process.stdout.write(`incident answer: ${LINKED} linked tickets answered, ${LINKED} notices written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    // Reports 3, 6, … 297 came by e-mail: 99 of them.
    expect(await count()).toEqual({ n: LINKED, tickets: LINKED, mails: 99 });
    const statuses = await t.dataSource.query(`SELECT status, count(*)::int AS n FROM tickets WHERE id = ANY($1::uuid[]) GROUP BY status`, [
      created.map((c) => c.id),
    ]);
    expect(statuses).toEqual([{ status: 'answered', n: LINKED }]);

    // The job run again (a retry, the sweeper) answers nothing and writes no second message.
    await waitFor(
      'the job done',
      async () => (await t.dataSource.query(`SELECT answers_done_at FROM incidents WHERE id = $1`, [incidentId]))[0].answers_done_at,
    );
    expect(await t.app.get(IncidentAnswerProcessor).handle({ incidentId })).toEqual({ answered: 0 });
    expect((await count()).n).toBe(LINKED);

    // 100 a minute: three minutes' worth of notices, each citizen's text the incident's answer, on their channel.
    const spread: { minute: number; n: number }[] = await t.dataSource.query(
      `SELECT floor(extract(epoch FROM m.not_before - i.answered_at) / 60)::int AS minute, count(*)::int AS n
         FROM outbound_messages m JOIN incidents i ON i.id = $1
        WHERE m.purpose = 'answered' AND m.dedupe_key LIKE '%-incident-' || $1 GROUP BY 1 ORDER BY 1`,
      [incidentId],
    );
    expect(spread).toEqual([
      { minute: 0, n: 100 },
      { minute: 1, n: 100 },
      { minute: 2, n: 100 },
    ]);
    const sms = await t.dataSource.query(`SELECT recipient, body FROM outbound_messages WHERE purpose = 'answered' AND channel = 'sms' AND ticket_id = $1`, [
      created[1].id,
    ]);
    expect(sms).toHaveLength(1);
    expect(sms[0].body).toContain(answer);
    const smsRecipients = await t.dataSource.query(
      `SELECT recipient FROM outbound_messages WHERE purpose = 'answered' AND channel = 'sms' AND dedupe_key LIKE $1`,
      [`%-incident-${incidentId}`],
    );
    // The 199 callers added here and the first two: each number once.
    const numbers = smsRecipients.map((r: { recipient: string }) => r.recipient);
    expect(numbers).toHaveLength(LINKED - 99);
    expect(new Set(numbers).size).toBe(LINKED - 99);
    expect(numbers).toEqual(expect.arrayContaining(phones.map((p) => `+90${p.slice(1)}`)));

    // Answered, the incident takes no more reports, nor changes.
    const late = await report();
    await call(fenStaff, 'post', `/incidents/${incidentId}/tickets`, { ticketIds: [late.id] }).expect(409);
    await call(fenStaff, 'patch', `/incidents/${incidentId}`, { title: 'Yanıtlandıktan sonra' }).expect(409);
    expect((await call(fenStaff, 'get', `/incidents/${incidentId}/suggestions`).expect(200)).body).toEqual([]);
  }, 300_000);
});
