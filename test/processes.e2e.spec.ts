import { ProcessTemplateSeeder } from '../src/modules/processes/process-template.seeder';
import { SISTER_CITY_TEMPLATE } from '../src/modules/processes/sister-city.template';
import { SlaTicker } from '../src/modules/sla/sla-ticker';
import { createStaff, createTestApp, idByCode, loginAs, Staff, TestApp, waitFor } from '@app/testing';

const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (iso: string) => new Date(`${iso}+03:00`);
const HOUR = 3600_000;

interface StepView {
  id: string;
  key: string;
  dueAt: string;
  openedAt: string;
  completedAt: string | null;
  completedById: string | null;
  document: string | null;
  outcome: string | null;
}

/**
 * The sister-city protocol on the deadline machinery, with the timer driven by hand: steps open
 * one after another with their own clocks, a late ministry step climbs the ladder once per
 * level, the council's rejection ends the process, and the report counts what was on time.
 */
describe('documented processes', () => {
  let t: TestApp;
  let ticker: SlaTicker;
  let admin: Staff;
  let kalem: Staff;
  let kalemManager: Staff;
  let templateId: string;
  let ozelKalem: string;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900, env: { SLA_TICK_MS: '3600000' } });
    ticker = t.app.get(SlaTicker);
    admin = await loginAs(t, 'admin');
    ozelKalem = await idByCode(t.dataSource, 'departments', 'OZEL_KALEM');
    kalem = await createStaff(t, admin, 'department_staff', ozelKalem);
    kalemManager = await createStaff(t, admin, 'department_manager', ozelKalem);
    await t.dataSource.query(`UPDATE users SET email = 'ozelkalem.mudur@ornek.bel.tr', phone = '+905301112233' WHERE id = $1`, [kalemManager.id]);
    await t.dataSource.query(
      `UPDATE departments SET escalation_contacts = '[{"name": "Genel Sekreter", "email": "genelsekreter@ornek.bel.tr"}]' WHERE id = $1`,
      [ozelKalem],
    );
  });
  afterAll(() => t.close());

  const as = (who: Staff) => ({ Authorization: `Bearer ${who.token}` });
  const view = async (id: string) => (await t.http().get(`/api/v1/processes/${id}`).set(as(kalem)).expect(200)).body;
  const openStep = (p: { steps: StepView[] }) => p.steps.find((s) => !s.completedAt)!;
  async function start(title: string) {
    const res = await t.http().post('/api/v1/processes').set(as(kalem)).send({ templateId, title }).expect(201);
    return res.body;
  }
  async function complete(id: string, key: string, body: Record<string, unknown> = {}) {
    const current = await view(id);
    const step = openStep(current);
    expect(step.key).toBe(key);
    return (
      await t
        .http()
        .post(`/api/v1/processes/${id}/steps/${step.id}/complete`)
        .set(as(kalem))
        .send({ document: `E-${key}/2026`, ...body })
        .expect(200)
    ).body;
  }
  /** Completes the open step `hours` after it opened. */
  async function completeAfter(id: string, key: string, hours: number, body: Record<string, unknown> = {}) {
    const step = openStep(await view(id));
    t.clock.set(new Date(new Date(step.openedAt).getTime() + hours * HOUR));
    return complete(id, key, body);
  }
  const escalationsOf = (stepId: string) =>
    t.dataSource.query(`SELECT level, due_at, notified_at FROM escalations WHERE subject_type = 'process_step' AND subject_id = $1 ORDER BY level`, [stepId]);

  it('ships the sister-city protocol with the chart’s units, documents and durations', async () => {
    const list = (await t.http().get('/api/v1/process-templates').set(as(kalem)).expect(200)).body;
    const template = list.find((x: { code: string }) => x.code === 'KARDES_SEHIR');
    templateId = template.id;
    expect(template).toMatchObject({ name: 'Kardeş şehir protokolü', ownerDepartmentId: ozelKalem, targetOnTimeRatio: 0.9, version: 1 });
    expect(template.steps.map((s: { key: string; duration: object }) => [s.key, s.duration])).toEqual([
      ['1', { min: 1, max: 3, unit: 'working_days' }],
      ['2', { min: 1, max: 2, unit: 'working_days' }],
      ['3', { min: 1, max: 2, unit: 'working_days' }],
      ['K', { min: 7, max: 7, unit: 'calendar_days' }],
      ['4', { min: 7, max: 7, unit: 'calendar_days' }],
      ['5', { min: 14, max: 21, unit: 'calendar_days' }],
      ['6', { min: 60, max: 90, unit: 'calendar_days' }],
    ]);
    expect(template.steps[3].outcomes.map((o: { code: string; end: string | null; next: string | null }) => [o.code, o.next ?? o.end])).toEqual([
      ['approve', '4'],
      ['reject', 'rejected'],
    ]);
    // Seeding again (a restart, a second process) adds nothing.
    expect(await t.app.get(ProcessTemplateSeeder).seed(SISTER_CITY_TEMPLATE)).toBe(false);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM process_templates`))[0].n).toBe(1);
    expect(template.steps[5].outcomes.map((o: { code: string; end: string | null; next: string | null }) => [o.code, o.next ?? o.end])).toEqual([
      ['no_objection', '6'],
      ['objection', 'filed'],
    ]);
  });

  it('runs end to end: a clock per step, and a late ministry answer escalates once per level to the ladder', async () => {
    t.clock.set(MONDAY_0900);
    const started = await start('Kardeş şehir: Batum (Gürcistan)');
    const first = openStep(started);
    // 3 working days after Monday: Thursday's close, on the same clock machinery as tickets.
    expect(new Date(first.dueAt)).toEqual(istanbul('2026-11-05T17:30:00'));
    const [clock] = await t.dataSource.query(
      `SELECT c.due_at, c.warning_at, t.next_level FROM sla_clocks c JOIN sla_timers t ON t.clock_id = c.id
        WHERE c.subject_type = 'process_step' AND c.subject_id = $1`,
      [first.id],
    );
    expect(clock).toMatchObject({ due_at: istanbul('2026-11-05T17:30:00'), next_level: 1 });

    const done1 = await completeAfter(started.id, '1', 2);
    expect(done1.steps[0]).toMatchObject({
      completedById: kalem.id,
      document: 'E-1/2026',
      completedAt: new Date(MONDAY_0900.getTime() + 2 * HOUR).toISOString(),
    });
    // Stopped, the clock keeps the step it reached and its timer goes.
    const [stopped] = await t.dataSource.query(
      `SELECT stopped_at, level, (SELECT count(*)::int FROM sla_timers WHERE clock_id = c.id) AS timers FROM sla_clocks c WHERE subject_id = $1`,
      [first.id],
    );
    expect(stopped).toMatchObject({ stopped_at: new Date(MONDAY_0900.getTime() + 2 * HOUR), level: 0, timers: 0 });

    await completeAfter(started.id, '2', 20);
    await completeAfter(started.id, '3', 4);
    await completeAfter(started.id, 'K', 5 * 24, { outcome: 'approve', document: 'Meclis kararı 2026/141' });
    const ministry = await completeAfter(started.id, '4', 6 * 24);
    const step5 = openStep(ministry);
    expect(step5.key).toBe('5');
    // Opened Saturday 14 November 11:00; three weeks on is Saturday 5 December, so Monday's end.
    expect(new Date(step5.openedAt)).toEqual(istanbul('2026-11-14T11:00:00'));
    expect(new Date(step5.dueAt)).toEqual(istanbul('2026-12-07T23:59:59.999'));

    // The ministry is silent: the warning at 75% of three weeks, then the breach, each taken once.
    const [c5] = await t.dataSource.query(`SELECT warning_at, due_at FROM sla_clocks WHERE subject_id = $1`, [step5.id]);
    t.clock.set(c5.warning_at);
    await ticker.sweep();
    t.clock.set(c5.due_at);
    await ticker.sweep();
    await ticker.sweep();
    t.clock.set(new Date(c5.due_at.getTime() + HOUR));
    await ticker.sweep();
    const fired = await waitFor('both steps notified', async () => {
      const rows = await escalationsOf(step5.id);
      return rows.length === 2 && rows.every((r: { notified_at: Date | null }) => r.notified_at) ? rows : undefined;
    });
    expect(fired.map((r: { level: number }) => r.level)).toEqual([1, 2]);
    const others = await t.dataSource.query(`SELECT count(*)::int AS n FROM escalations WHERE subject_type = 'process_step' AND subject_id <> $1`, [step5.id]);
    expect(others[0].n).toBe(0);

    // The people on Özel Kalem's ladder were told: in the app, by e-mail and SMS.
    const inbox = (await t.http().get('/api/v1/notifications').set(as(kalemManager)).expect(200)).body;
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual([
      'Süre aşıldı: Kardeş şehir: Batum (Gürcistan) — 5. Bakanlıktan sakınca bulunmadığına dair yazının gelmesi',
      'Süre uyarısı: Kardeş şehir: Batum (Gürcistan) — 5. Bakanlıktan sakınca bulunmadığına dair yazının gelmesi',
    ]);
    const outbox = await t.dataSource.query(`SELECT channel, recipient, subject FROM outbound_messages WHERE purpose = 'escalation'`);
    expect(outbox.map((m: { channel: string; recipient: string; subject: string }) => `${m.subject.split(':')[0]} ${m.channel} ${m.recipient}`).sort()).toEqual(
      [
        'Süre aşıldı email genelsekreter@ornek.bel.tr',
        'Süre aşıldı email ozelkalem.mudur@ornek.bel.tr',
        'Süre aşıldı sms +905301112233',
        'Süre uyarısı email ozelkalem.mudur@ornek.bel.tr',
        'Süre uyarısı email ozelkalem@ornek.bel.tr',
      ],
    );
    expect(
      (await view(started.id)).timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { body: string }) => e.body.split(':')[0]),
    ).toEqual(['Süre uyarısı', 'Süre aşıldı']);

    // The letter comes late; the protocol is then signed in time and the process completes.
    const signing = await complete(started.id, '5', { outcome: 'no_objection', document: 'Dışişleri Bakanlığı yazısı 2026/9981' });
    expect(signing.steps.find((s: StepView & { late: boolean }) => s.key === '5').late).toBe(true);
    const ended = await completeAfter(started.id, '6', 40 * 24, { document: 'Protokol 2026/1' });
    expect(ended).toMatchObject({ status: 'completed' });
    expect(ended.endedAt).not.toBeNull();
    expect(ended.timeline.map((e: { type: string }) => e.type).at(-1)).toBe('ended');
    expect(ended.steps.map((s: StepView) => s.key)).toEqual(['1', '2', '3', 'K', '4', '5', '6']);
  });

  it('ends the process as rejected when the council rejects', async () => {
    t.clock.set(istanbul('2026-12-07T09:00:00'));
    const p = await start('Kardeş şehir: Kazan (Rusya)');
    await completeAfter(p.id, '1', 1);
    await completeAfter(p.id, '2', 1);
    await completeAfter(p.id, '3', 1);
    const missing = openStep(await view(p.id));
    const noOutcome = await t.http().post(`/api/v1/processes/${p.id}/steps/${missing.id}/complete`).set(as(kalem)).send({}).expect(400);
    expect(noOutcome.body.details[0]).toMatchObject({ field: 'outcome' });
    const rejected = await completeAfter(p.id, 'K', 48, { outcome: 'reject', document: 'Meclis kararı 2026/160' });
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected.steps.every((s: StepView) => s.completedAt)).toBe(true);
    expect(rejected.steps.at(-1)).toMatchObject({ key: 'K', outcome: 'reject' });
    expect(rejected.timeline.at(-1)).toMatchObject({ type: 'ended', body: 'Süreç reddedildi' });
    const [k] = await t.dataSource.query(`SELECT stopped_at FROM sla_clocks WHERE subject_id = $1`, [missing.id]);
    expect(k.stopped_at).not.toBeNull();
    // The step is done: completing it again is a conflict, not a second effect.
    await t.http().post(`/api/v1/processes/${p.id}/steps/${missing.id}/complete`).set(as(kalem)).send({ outcome: 'approve' }).expect(409);
  });

  it('reports the share of instances on time, the slowest steps and what is late now', async () => {
    t.clock.set(istanbul('2026-12-21T09:00:00'));
    const late = await start('Kardeş şehir: Kyoto (Japonya)');
    t.clock.set(istanbul('2026-12-28T09:00:00'));
    const report = (await t.http().get(`/api/v1/process-templates/${templateId}/report`).set(as(kalemManager)).expect(200)).body;
    // Batum ended with a late ministry step, Kazan was rejected with every step on time.
    expect(report).toMatchObject({ ended: 2, endedOnTime: 1, onTimeRatio: 0.5, target: 0.9, targetMet: false, running: 1 });
    const byKey = Object.fromEntries(report.steps.map((s: { key: string }) => [s.key, s]));
    expect(byKey['5']).toMatchObject({ completed: 1, onTime: 0, onTimeRatio: 0 });
    expect(byKey['1']).toMatchObject({ completed: 2, onTime: 2, medianDays: 0.06 });
    expect(byKey.K).toMatchObject({ completed: 2, onTime: 2 });
    expect(report.steps[0].key).toBe('6'); // 40 days: the slowest
    expect(report.lateNow).toEqual([expect.objectContaining({ instanceId: late.id, stepKey: '1', departmentId: ozelKalem })]);
    const lateList = (await t.http().get(`/api/v1/processes?late=true`).set(as(kalem)).expect(200)).body;
    expect(lateList.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
  });

  it('keeps other units out', async () => {
    const fen = await loginAs(t, 'department-staff');
    const [any] = await t.dataSource.query(`SELECT id FROM process_instances LIMIT 1`);
    await t.http().get(`/api/v1/processes/${any.id}`).set(as(fen)).expect(404);
    expect((await t.http().get('/api/v1/processes').set(as(fen)).expect(200)).body.items).toEqual([]);
    const [running] = await t.dataSource.query(`SELECT s.id, s.instance_id FROM process_steps s WHERE s.completed_at IS NULL LIMIT 1`);
    await t.http().post(`/api/v1/processes/${running.instance_id}/steps/${running.id}/complete`).set(as(fen)).send({}).expect(404);
    expect((await t.http().get('/api/v1/processes').set(as(kalem)).expect(200)).body.items.length).toBe(3);
  });

  describe('bad templates are refused naming the problem', () => {
    const base = () => ({
      code: 'RUHSAT_ONAY',
      name: 'Ruhsat onayı',
      ownerDepartmentId: ozelKalem,
      steps: [
        { key: '1', name: 'Başvurunun alınması', departmentId: ozelKalem, duration: { min: 1, max: 2, unit: 'working_days' } },
        { key: '2', name: 'İnceleme', departmentId: ozelKalem, duration: { max: 5, unit: 'working_days' } },
        { key: '3', name: 'Onay', role: 'executive', duration: { max: 3, unit: 'calendar_days' } },
      ],
    });
    const post = (body: object) => t.http().post('/api/v1/process-templates').set(as(admin)).send(body);

    it('a cycle', async () => {
      const body = base();
      Object.assign(body.steps[2], { next: '1' });
      const res = await post(body).expect(400);
      expect(res.body.details).toEqual([{ field: 'steps.2.next', message: expect.stringContaining('döngü') }]);
    });

    it('a step without a responsible unit', async () => {
      const body = base();
      delete (body.steps[1] as { departmentId?: string }).departmentId;
      const res = await post(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['steps.1.departmentId']);
    });

    it('a negative duration', async () => {
      const body = base();
      body.steps[0].duration = { min: -2, max: 2, unit: 'working_days' };
      const res = await post(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['steps.0.duration.min']);
    });

    it('an unknown unit, then accepts the fixed template and versions an edit', async () => {
      const body = base();
      Object.assign(body.steps[1], { departmentId: '00000000-0000-4000-8000-000000000000' });
      expect((await post(body).expect(400)).body.details.map((d: { field: string }) => d.field)).toEqual(['steps.1.departmentId']);
      const created = (await post(base()).expect(201)).body;
      expect(created).toMatchObject({ version: 1, steps: [{ duration: { min: 1, max: 2 } }, { duration: { min: 5, max: 5 } }, { role: 'executive' }] });
      const edited = (
        await t
          .http()
          .put(`/api/v1/process-templates/${created.id}`)
          .set(as(admin))
          .send({ ...base(), name: 'Ruhsat onayı (yeni)' })
          .expect(200)
      ).body;
      expect(edited.version).toBe(2);
      await post(base()).expect(409);
      await t.http().post('/api/v1/process-templates').set(as(kalem)).send(base()).expect(403);
    });
  });
});
