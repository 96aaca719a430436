import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DestructionScheduler } from '../src/modules/privacy/destruction.scheduler';
import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { quiescent, tcKimlik } from './security/world';

const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // daytime: no notice is held for the quiet hours
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const KEY = 'dev-only-intake-key-change-me';

const person = { fullName: 'Nermin Çakırbeyli', phone: '05447650011', email: 'nermin.cakirbeyli@example.com', tcKimlikNo: tcKimlik('487651203') };
const personal = [person.fullName, 'Çakırbeyli', 'cakirbeyli', '5447650011', person.email, 'n.cakirbeyli@example.org', person.tcKimlikNo];

/** KVKK (Law 6698): the inventory, a data subject's export, rectification and erasure, retention and the periodic destruction. */
describe('KVKK: personal data', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900 });
    [admin, agent, supervisor] = await Promise.all(['admin', 'agent', 'supervisor'].map((u) => loginAs(t, u)));
  });
  afterAll(() => t.close());

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
  });

  /** Every text, JSON and array column of every table that holds one of `values`, as `table.column`. */
  async function whereFound(values: string[]): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
          AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE ANY($1)`, [
        values.map((v) => `%${v}%`),
      ]);
      if (n) found.push(`${table}.${column}`);
    }
    return found;
  }

  it('generates the personal-data inventory from the schema: every column classified, none stale', async () => {
    const { body } = await as(supervisor).get('/kvkk/inventory').expect(200);
    expect(body.unclassified).toEqual([]);
    expect(body.missing).toEqual([]);
    expect(body.personal.find((f: { table: string; column: string }) => f.table === 'tickets' && f.column === 'contact_phone')).toMatchObject({
      category: 'İletişim',
      type: 'character varying',
      legalBasis: expect.stringContaining('KVKK m. 5/2-ç'),
      retention: { kind: 'applications', days: 3650 },
      erase: 'null',
    });
    await as(agent).get('/kvkk/inventory').expect(403);
  });

  it('exports everything held on a citizen, corrects it, then erases it: no personal value left anywhere, the reports unchanged', async () => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const pothole = await as(agent)
      .post('/tickets', {
        channel: 'phone',
        kind: 'sikayet',
        departmentId: fen,
        subject: 'Çukur — Nermin Çakırbeyli',
        description: `Ben Nermin Çakırbeyli (T.C. ${person.tcKimlikNo}), 0544 765 00 11'den arıyorum; evimin önünde çukur var.`,
        address: 'Lale Sokak 4',
        citizen: person,
      })
      .expect(201);
    const citizenId = pothole.body.citizen.id as string;
    await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({
        channel: 'sms',
        providerId: 'SM-kvkk-1',
        payload: { MessageSid: 'SM-kvkk-1', From: '+905447650011', Body: 'Nermin Çakırbeyli: sokak lambası yanmıyor' },
      })
      .expect(202);
    const request = await as(agent)
      .post('/tickets', {
        channel: 'walk_in',
        categoryId: await categoryId(t.dataSource, 'HLK-004'),
        subject: 'KVKK başvurusu',
        description: 'Hakkımdaki bütün verileri istiyor, sonra silinmesini talep ediyorum.',
        citizenId,
      })
      .expect(201);
    expect(request.body.legalBasis).toBe('kvkk');
    // Art. 13's 30 days from Monday 2 November 2026: the end of Wednesday 2 December.
    expect(request.body.resolutionDueAt).toBe('2026-12-02T20:59:59.999Z');
    await waitFor('routed', async () => ((await as(supervisor).get(`/tickets/${pothole.body.id}`)).body.routedAt ? true : undefined));
    await as(supervisor).post(`/tickets/${pothole.body.id}/entries`, { type: 'reply', body: 'Sayın Nermin Çakırbeyli, ekip yönlendirildi.' }).expect(201);
    await as(supervisor)
      .get(`/tickets/${pothole.body.id}/contact?purpose=${encodeURIComponent('Sonucu bildirmek için arama')}`)
      .expect(200);
    await as(supervisor).post('/appointments', { requesterKind: 'citizen', subject: 'Başkanla görüşme', ticketId: pothole.body.id }).expect(201);
    const sent = await t
      .http()
      .post('/api/v1/public/applications')
      .field('kind', 'sikayet')
      .field('categoryId', await categoryId(t.dataSource, 'FEN-001'))
      .field('description', 'Kaldırım taşları kırık, fotoğrafı ekledim. Nermin Çakırbeyli')
      .field('fullName', person.fullName)
      .field('phone', person.phone)
      .field('kvkkConsent', 'on')
      .field('website', '')
      .attach('photos', Buffer.concat([PNG, Buffer.from('kvkk-photo')]), { filename: 'nermin-cakirbeyli.png', contentType: 'image/png' })
      .expect(202);
    await waitFor('the web application filed', async () => (await t.http().get(`/api/v1/public/applications/${sent.body.receiptId}`)).body.trackingNo ?? null);
    await t.dataSource.query(
      `INSERT INTO call_logs (call_sid, from_number, to_number, status, status_rank, ticket_id, recording_url)
       VALUES ('CA-kvkk-1', '+905447650011', '+904440000', 'completed', 4, $1, 'https://api.twilio.com/Recordings/RE1')`,
      [pothole.body.id],
    );
    await quiescent(t);

    // Art. 11: everything held, as one document, only on the citizen's own KVKK application, the read logged.
    await as(admin).get(`/kvkk/citizens/${citizenId}/export?requestTicketId=${pothole.body.id}`).expect(400);
    await as(supervisor).get(`/kvkk/citizens/${citizenId}/export?requestTicketId=${request.body.id}`).expect(403);
    const exported = await as(admin).get(`/kvkk/citizens/${citizenId}/export?requestTicketId=${request.body.id}`).expect(200);
    const { data } = exported.body;
    expect(data.citizens).toEqual([expect.objectContaining({ full_name: person.fullName, phone: '+905447650011', email: person.email })]);
    expect(data.tickets).toHaveLength(4);
    expect(data.media_files).toEqual([expect.objectContaining({ filename: 'nermin-cakirbeyli.png', content_type: 'image/png' })]);
    const photo = join(t.env.MEDIA_DIR, data.media_files[0].sha256.slice(0, 2), data.media_files[0].sha256);
    expect(existsSync(photo)).toBe(true);
    expect(data.citizen_identities.map((i: { value: string }) => i.value).sort()).toEqual(['+905447650011', person.email]);
    expect(data.outbound_messages.length).toBeGreaterThan(0);
    expect(data.call_logs).toEqual([expect.objectContaining({ from_number: '+905447650011' })]);
    expect(data.appointments).toEqual([expect.objectContaining({ requester_name: person.fullName })]);
    expect(data.ticket_timeline.length).toBeGreaterThan(3);
    expect(data.access_log.map((a: { purpose: string }) => a.purpose)).toEqual(
      expect.arrayContaining([`ticket ${pothole.body.trackingNo}: Sonucu bildirmek için arama`]),
    );
    const [logged] = await t.dataSource.query(`SELECT user_id FROM pii_access_log WHERE purpose = $1`, [`KVKK m. 11 dışa aktarım ${request.body.trackingNo}`]);
    expect(logged.user_id).toBe(admin.id);

    // Art. 11(1)(d): corrected in the record, its identities and the applications' copies.
    await as(admin).patch(`/kvkk/citizens/${citizenId}`, { requestTicketId: request.body.id }).expect(400);
    await as(admin).patch(`/kvkk/citizens/${citizenId}`, { requestTicketId: request.body.id, fullName: null }).expect(400);
    const fixed = await as(admin).patch(`/kvkk/citizens/${citizenId}`, { requestTicketId: request.body.id, email: 'n.cakirbeyli@example.org' }).expect(200);
    expect(fixed.body.email).toBe('n***@example.org');
    expect(await t.dataSource.query(`SELECT contact_email FROM tickets WHERE id = $1`, [pothole.body.id])).toEqual([
      { contact_email: 'n.cakirbeyli@example.org' },
    ]);
    expect(await t.dataSource.query(`SELECT value FROM citizen_identities WHERE citizen_id = $1 AND kind = 'email'`, [citizenId])).toEqual([
      { value: 'n.cakirbeyli@example.org' },
    ]);

    await as(admin).post('/reports/refresh', {}).expect(200);
    const period = 'from=2026-11-01&to=2026-11-30';
    const totals = async () => [
      (await as(supervisor).get(`/reports/summary?${period}`)).body.rows,
      (await as(supervisor).get(`/reports/volume?${period}`)).body.rows,
    ];
    const before = await totals();
    expect(await whereFound(personal)).not.toEqual([]);

    // Art. 7 and 11(1)(e): anonymised everywhere; the statistics and the tickets' matter remain.
    const erased = await as(admin).post(`/kvkk/citizens/${citizenId}/erase`, { requestTicketId: request.body.id, reason: 'İlgili kişinin talebi' }).expect(200);
    expect(erased.body).toMatchObject({ erasedTickets: 4, heldTickets: [], citizenErased: true });
    expect(await whereFound(personal)).toEqual([]);
    expect(existsSync(photo)).toBe(false);
    const [kept] = await t.dataSource.query(`SELECT subject, description, address, status, department_id FROM tickets WHERE id = $1`, [pothole.body.id]);
    expect(kept).toMatchObject({ subject: 'Çukur — ***', address: 'Lale Sokak 4', department_id: fen });
    expect(kept.description).toBe(`Ben *** (T.C. ***), ***'den arıyorum; evimin önünde çukur var.`);
    await as(admin).post('/reports/refresh', {}).expect(200);
    expect(await totals()).toEqual(before);
    await as(admin).post(`/kvkk/citizens/${citizenId}/erase`, { requestTicketId: request.body.id, reason: 'Tekrar' }).expect(409);
    const actions = await t.dataSource.query(`SELECT action FROM personal_data_actions WHERE citizen_id = $1 ORDER BY at`, [citizenId]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['export', 'rectify', 'erase']);
  });

  it('destroys what has passed its period on the schedule admins set, keeps a ticket under a legal hold, and records each run', async () => {
    await as(admin).put('/kvkk/destruction/schedule', { intervalDays: 200 }).expect(400);
    const schedule = await as(admin).put('/kvkk/destruction/schedule', { intervalDays: 30 }).expect(200);
    expect(new Date(schedule.body.nextDestructionAt)).toEqual(new Date(MONDAY_0900.getTime() + 30 * 86_400_000));
    const citizen = { fullName: 'Rıdvan Öztoprakçı', phone: '05447650022' };
    const park = await idByCode(t.dataSource, 'departments', 'PARK');
    const open = async (subject: string) => {
      const body = { channel: 'phone', kind: 'talep', departmentId: park, subject, description: `${subject} — Rıdvan Öztoprakçı`, citizen };
      const res = await as(agent).post('/tickets', body).expect(201);
      const routed = await waitFor('routed', async () => {
        const r = await as(supervisor).get(`/tickets/${res.body.id}`);
        return r.body.routedAt ? r.body : undefined;
      });
      await as(supervisor).post(`/tickets/${res.body.id}/status`, { version: routed.version, status: 'answered', note: 'Yapıldı.' }).expect(200);
      return res.body.id as string;
    };
    const settled = await open('Ağaç budama');
    const disputed = await open('Kaldırım tamiri');
    const hold = await as(admin).post('/kvkk/legal-holds', { ticketId: disputed, reason: 'İdare Mahkemesi 2026/1234 E.' }).expect(201);
    await as(admin).post('/kvkk/legal-holds', { ticketId: disputed, reason: 'İkinci kez' }).expect(409);
    await quiescent(t);

    // Eleven years on the schedule's day has long come; applications are kept ten years after closing.
    t.clock.set(new Date(MONDAY_0900.getTime() + 11 * 365 * 86_400_000));
    await t.app.get(DestructionScheduler).sweep();
    const scheduled = await waitFor('the scheduled run done', async () => {
      const { body } = await as(admin).get('/kvkk/destruction').expect(200);
      const run = body.runs.find(
        (r: { trigger: string; state: string; counts: { applications?: number } }) =>
          r.trigger === 'schedule' && r.state === 'done' && (r.counts.applications ?? 0) > 0,
      );
      return run ? { run, settings: body.settings } : undefined;
    });
    expect(scheduled.run).toMatchObject({ retention: { applications: 3650, calls: 730, rawMessages: 180, accessLog: 1095, appointments: 730 } });
    expect(scheduled.run.counts).toMatchObject({ applications: expect.any(Number), calls: expect.any(Number), rawMessages: expect.any(Number) });
    expect(new Date(scheduled.settings.nextDestructionAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const state = async () =>
      t.dataSource.query(`SELECT id, contact_name, personal_data_erased_at IS NOT NULL AS erased FROM tickets WHERE id = ANY($1) ORDER BY tracking_no`, [
        [settled, disputed],
      ]);
    expect(await state()).toEqual([
      { id: settled, contact_name: null, erased: true },
      { id: disputed, contact_name: citizen.fullName, erased: false },
    ]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM inbound_events WHERE NOT payload ? 'silindi'`)).toEqual([{ n: 0 }]);

    // The dispute over: released, the next run takes the rest, the citizen too.
    await as(admin).delete(`/kvkk/legal-holds/${hold.body.id}`).expect(204);
    await as(admin).delete(`/kvkk/legal-holds/${hold.body.id}`).expect(404);
    const manual = await as(admin).post('/kvkk/destruction/runs', {}).expect(202);
    const done = await waitFor('the manual run done', async () => {
      const { body } = await as(admin).get(`/kvkk/destruction/runs/${manual.body.id}`).expect(200);
      return body.state === 'done' ? body : undefined;
    });
    expect(done.counts).toMatchObject({ applications: 1, citizens: expect.any(Number) });
    expect((await state()).map((r: { erased: boolean }) => r.erased)).toEqual([true, true]);
    expect(await whereFound(['Öztoprakçı', 'oztoprakci', '5447650022'])).toEqual([]);
  });
});
