import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase, migrateUnderLock, setMigrationSettings, SnakeNamingStrategy } from '@app/database';
import { MIGRATIONS } from '../src/migrations';
import { DeadlineDayClose1796300000000 } from '../src/migrations/1796300000000-deadline-day-close';

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const istanbul = (local: string) => new Date(`${local}+03:00`);

/**
 * A database as the previous rule left it (deadlines at the request's time of day), then the
 * migration: open and closed tickets, their clocks and an open process step end at the close of
 * their last day, with steps already taken left as they were.
 */
describe('the deadline-rule migration', () => {
  const url = new URL(PG);
  url.pathname = `/cm_test_deadline_rule_${randomBytes(4).toString('hex')}`;
  let db: DataSource;
  const source = (migrations: typeof MIGRATIONS) =>
    new DataSource({ type: 'postgres', url: url.toString(), migrations, namingStrategy: new SnakeNamingStrategy(), uuidExtension: 'pgcrypto' }).initialize();

  beforeAll(async () => {
    await ensureDatabase(url.toString());
    // Every migration before this one: the schema the old rule's data lived in.
    const before = await source(MIGRATIONS.slice(0, MIGRATIONS.indexOf(DeadlineDayClose1796300000000)));
    await migrateUnderLock(before);
    await seedOldRule(before);
    await before.destroy();
    setMigrationSettings({ WORKING_HOURS: '08:30-12:30,13:30-17:30' });
    db = await source(MIGRATIONS);
    await migrateUnderLock(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(url.toString());
  });

  const ticket = async (no: string) =>
    (
      await db.query(
        `SELECT t.resolution_due_at, t.first_response_due_at, c.due_at, c.warning_at, k.next_at, k.next_level, coalesce(k.level, c.level) AS level, c.day_end
           FROM tickets t JOIN sla_clocks c ON c.subject_id = t.id LEFT JOIN sla_timers k ON k.clock_id = c.id WHERE t.tracking_no = $1`,
        [no],
      )
    )[0];

  it('ends 15 working days from Wednesday 7 October 2026 14:00 on the eve of Republic Day at 13:00, not on 30 October', async () => {
    const row = await ticket('2026-000001');
    expect(row.resolution_due_at).toEqual(istanbul('2026-10-28T13:00:00'));
    expect(row).toMatchObject({ due_at: row.resolution_due_at, level: 0, next_level: 1, day_end: 'midnight' });
    expect(row.warning_at.getTime()).toBeLessThan(row.due_at.getTime());
    expect(row.next_at).toEqual(row.warning_at);
  });

  it('moves a paused clock by its paused time to the close of a day, and leaves a breach already taken', async () => {
    const paused = await ticket('2026-000002');
    // Fifteen working days from 1 October end on Thursday 22 October; 90 paused minutes more end on Friday 23rd.
    expect(paused.due_at).toEqual(istanbul('2026-10-23T17:30:00'));
    expect(paused.next_at).toBeNull();
    const breached = await ticket('2026-000003');
    expect(breached).toMatchObject({ level: 2, next_level: null, next_at: null, due_at: istanbul('2026-10-28T13:00:00') });
  });

  it('recomputes a closed ticket too, so the compliance reports judge every answer by the same rule', async () => {
    const closed = await ticket('2026-000004');
    expect(closed.resolution_due_at).toEqual(istanbul('2026-10-28T13:00:00'));
    const [dirty] = await db.query(`SELECT count(*)::int AS n FROM report_dirty_tickets`);
    expect(dirty.n).toBe(4);
  });

  it('moves the ladder of every clock not stopped to its timer, and leaves a stopped clock the step it reached', async () => {
    const clocks = await db.query(
      `SELECT c.subject_type, c.level AS clock_level, k.level, k.due_at = c.due_at AS same_due, c.stopped_at IS NOT NULL AS stopped
         FROM sla_clocks c LEFT JOIN sla_timers k ON k.clock_id = c.id ORDER BY c.started_at, c.stopped_at NULLS FIRST`,
    );
    expect(clocks).toEqual([
      { subject_type: 'ticket', clock_level: null, level: 0, same_due: true, stopped: false },
      { subject_type: 'ticket', clock_level: null, level: 2, same_due: true, stopped: false },
      { subject_type: 'ticket', clock_level: null, level: 0, same_due: true, stopped: false },
      { subject_type: 'ticket', clock_level: 0, level: null, same_due: null, stopped: true },
      { subject_type: 'process_step', clock_level: null, level: 0, same_due: true, stopped: false },
    ]);
  });

  it('gives an open process step of three calendar weeks the end of its last day, past a weekend', async () => {
    const [step] = await db.query(`SELECT s.due_at, c.due_at AS clock_due FROM process_steps s JOIN sla_clocks c ON c.subject_id = s.id`);
    // Opened Saturday 14 November 2026: 21 days on is Saturday 5 December, so Monday 7 December.
    expect(step.due_at).toEqual(istanbul('2026-12-07T23:59:59.999'));
    expect(step.clock_due).toEqual(step.due_at);
  });
});

/** Rows as the old rule wrote them: each due at the request's own time of day. */
async function seedOldRule(db: DataSource): Promise<void> {
  const [{ id: citizen }] = await db.query(`INSERT INTO citizens DEFAULT VALUES RETURNING id`);
  const [{ id: policy }] = await db.query(
    `INSERT INTO deadline_policies (code, name, legal_basis, resolution_amount, resolution_unit, warning_ratio)
     VALUES ('BILGI', 'Bilgi edinme', 'law_4982', 15, 'working_days', 0.75) RETURNING id`,
  );
  const tickets: [string, string, string, number, string | null, string, string | null][] = [
    // tracking no, created, old due, level, paused at, status, stopped at
    ['2026-000001', '2026-10-07T14:00:00', '2026-10-30T08:30:00', 0, null, 'new', null],
    ['2026-000002', '2026-10-01T10:00:00', '2026-10-23T11:30:00', 0, '2026-10-20T10:00:00', 'waiting_for_citizen', null],
    ['2026-000003', '2026-10-07T10:00:00', '2026-10-28T10:00:00', 2, null, 'in_progress', null],
    ['2026-000004', '2026-10-07T14:00:00', '2026-10-30T08:30:00', 0, null, 'answered', '2026-10-28T16:00:00'],
  ];
  for (const [no, created, due, level, pausedAt, status, stoppedAt] of tickets) {
    const [{ id }] = await db.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, deadline_policy_id,
                            resolution_due_at, created_at)
       VALUES ($1, 'bilgi_edinme', 'web', $2, $3, 'law_4982', 'Bilgi', 'Bilgi istiyorum', '', $4, $5, $6) RETURNING id`,
      [no, status, citizen, policy, istanbul(due), istanbul(created)],
    );
    await db.query(
      `INSERT INTO sla_clocks (subject_type, subject_id, unit, started_at, warning_at, due_at, level, next_level, next_at, paused_at, paused_minutes, stopped_at)
       VALUES ('ticket', $1, 'working_days', $2, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        istanbul(created),
        istanbul(due),
        level,
        level >= 2 || pausedAt || stoppedAt ? null : 1,
        level >= 2 || pausedAt || stoppedAt ? null : istanbul(due),
        pausedAt ? istanbul(pausedAt) : null,
        pausedAt ? 90 : 0,
        stoppedAt ? istanbul(stoppedAt) : null,
      ],
    );
  }
  await db.query(`DELETE FROM report_dirty_tickets`);
  const [{ id: department }] = await db.query(`INSERT INTO departments (code, name, level) VALUES ('DIS', 'Dış İlişkiler', 'mudurluk') RETURNING id`);
  const [{ id: template }] = await db.query(
    `INSERT INTO process_templates (code, name, owner_department_id, target_on_time_ratio, warning_ratio, steps)
     VALUES ('KARDES', 'Kardeş şehir', $1, 0.9, 0.75, '[]') RETURNING id`,
    [department],
  );
  const [{ id: instance }] = await db.query(
    `INSERT INTO process_instances (template_id, template_version, definition, title, owner_department_id, started_at)
     VALUES ($1, 1, '[]', 'Batum', $2, $3) RETURNING id`,
    [template, department, istanbul('2026-11-02T09:00:00')],
  );
  const opened = istanbul('2026-11-14T11:00:00');
  const oldDue = new Date(opened.getTime() + 21 * 86_400_000);
  const [{ id: step }] = await db.query(
    `INSERT INTO process_steps (instance_id, seq, key, name, department_id, min_amount, max_amount, unit, opened_at, due_at)
     VALUES ($1, 5, '5', 'Bakanlık yazısı', $2, 14, 21, 'calendar_days', $3, $4) RETURNING id`,
    [instance, department, opened, oldDue],
  );
  await db.query(
    `INSERT INTO sla_clocks (subject_type, subject_id, unit, started_at, warning_at, due_at, level, next_level, next_at)
     VALUES ('process_step', $1, 'calendar_days', $2, $3, $4, 0, 1, $3)`,
    [step, opened, new Date(opened.getTime() + 0.75 * 21 * 86_400_000), oldDue],
  );
}
