import { MigrationInterface, QueryRunner } from 'typeorm';
import { BusinessCalendar, DayEnd, DEFAULT_WORKING_HOURS, OverrideKind } from '@app/calendar';
import { migrationSetting } from '@app/database';
import { addDuration, DurationUnit, periodRuleOf, recomputeClock, StoredClock, warningRatioOf } from '../modules/sla';

const BATCH = 5000;
const EXTENDED_WORKING_DAYS = 30;

interface PolicyRow {
  id: string;
  first_response_amount: number | null;
  first_response_unit: DurationUnit | null;
  resolution_amount: number;
  resolution_unit: DurationUnit;
  warning_ratio: string;
  calendar_day_end: DayEnd;
  extend_past_day_off: boolean;
}

type ClockRow = Record<string, unknown> & { clock_id: string | null };

/** Appends one row's values to the column arrays an `unnest` update reads. */
const append = (columns: unknown[][], values: unknown[]) => values.forEach((value, i) => columns[i].push(value));
const clockValues = (id: unknown, c: ReturnType<typeof recomputeClock>, rule: ReturnType<typeof periodRuleOf>) => [
  id,
  c.warningAt,
  c.dueAt,
  c.furtherAt,
  c.nextLevel,
  c.nextAt,
  rule.dayEnd,
  rule.extendPastDayOff,
];

const storedClock = (r: ClockRow): StoredClock => ({
  unit: r.unit as DurationUnit,
  startedAt: r.started_at as Date,
  level: Number(r.level),
  warningAt: r.warning_at as Date | null,
  dueAt: r.due_at as Date,
  furtherAt: r.further_at as Date | null,
  pausedAt: r.paused_at as Date | null,
  pausedMinutes: Number(r.paused_minutes),
  stoppedAt: r.stopped_at as Date | null,
});

/**
 * Deadlines end at the close of their last day (README, "Deadlines"): the policies choose how
 * their calendar-day periods end, clocks remember it, and every ticket's and process step's due
 * dates are computed again under the rule — open ones' clocks rescheduled (steps already taken
 * stay taken), closed ones' so the compliance reports judge every ticket by the same rule (the
 * reports' trigger queues each changed ticket for its facts). Computed with the calendar as it
 * is: WORKING_HOURS, Law 2429's holidays and the admins' overrides.
 */
export class DeadlineDayClose1796300000000 implements MigrationInterface {
  name = 'DeadlineDayClose1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."day_end" AS ENUM('midnight', 'close_of_business')`);
    for (const table of ['deadline_policies', 'sla_clocks']) {
      const column = table === 'sla_clocks' ? 'day_end' : 'calendar_day_end';
      await queryRunner.query(`ALTER TABLE "${table}" ADD "${column}" "public"."day_end" NOT NULL DEFAULT 'midnight'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "extend_past_day_off" boolean NOT NULL DEFAULT true`);
    }
    const overrides: { date: string; kind: OverrideKind }[] = await queryRunner.query(`SELECT date::text AS date, kind FROM calendar_overrides`);
    const calendar = new BusinessCalendar({ workingHours: migrationSetting('WORKING_HOURS', DEFAULT_WORKING_HOURS), overrides });
    const policies = new Map<string, PolicyRow>((await queryRunner.query(`SELECT * FROM deadline_policies`)).map((p: PolicyRow) => [p.id, p]));
    await this.tickets(queryRunner, calendar, policies);
    await this.processSteps(queryRunner, calendar);
  }

  private async tickets(queryRunner: QueryRunner, calendar: BusinessCalendar, policies: Map<string, PolicyRow>): Promise<void> {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows: ClockRow[] = await queryRunner.query(
        `SELECT t.id, t.created_at, t.deadline_policy_id, c.id AS clock_id, c.unit, c.started_at, c.level, c.warning_at, c.due_at,
                c.further_at, c.paused_at, c.paused_minutes, c.stopped_at,
                -- As text: on a new database the enum value was added in this same transaction.
                EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type::text = 'deadline_extended') AS extended
           FROM tickets t LEFT JOIN sla_clocks c ON c.subject_type = 'ticket' AND c.subject_id = t.id
          WHERE t.deadline_policy_id IS NOT NULL AND t.id > $1 ORDER BY t.id LIMIT $2`,
        [after, BATCH],
      );
      if (!rows.length) return;
      after = rows[rows.length - 1].id as string;
      const tickets: unknown[][] = [[], [], []];
      const clocks: unknown[][] = [[], [], [], [], [], [], [], []];
      for (const row of rows) {
        const policy = policies.get(row.deadline_policy_id as string)!;
        const rule = periodRuleOf({ calendarDayEnd: policy.calendar_day_end, extendPastDayOff: policy.extend_past_day_off });
        const start = (row.clock_id ? row.started_at : row.created_at) as Date;
        const period = row.extended
          ? { amount: EXTENDED_WORKING_DAYS, unit: DurationUnit.WorkingDays }
          : { amount: policy.resolution_amount, unit: policy.resolution_unit };
        const firstResponse =
          policy.first_response_amount && policy.first_response_unit
            ? addDuration(calendar, start, policy.first_response_amount, policy.first_response_unit, rule)
            : null;
        let due = addDuration(calendar, start, period.amount, period.unit, rule);
        if (row.clock_id) {
          const clock = recomputeClock(calendar, storedClock(row), period, rule, Number(policy.warning_ratio));
          due = clock.dueAt;
          append(clocks, clockValues(row.clock_id, clock, rule));
        }
        append(tickets, [row.id, firstResponse, due]);
      }
      await queryRunner.query(
        `UPDATE tickets t SET first_response_due_at = x.first, resolution_due_at = x.due
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS x(id, first, due) WHERE t.id = x.id`,
        tickets,
      );
      await this.writeClocks(queryRunner, clocks);
    }
  }

  private async processSteps(queryRunner: QueryRunner, calendar: BusinessCalendar): Promise<void> {
    const rows: ClockRow[] = await queryRunner.query(
      `SELECT s.id, s.opened_at, s.max_amount, s.unit AS step_unit, c.id AS clock_id, c.unit, c.started_at, c.level, c.warning_at, c.due_at,
              c.further_at, c.paused_at, c.paused_minutes, c.stopped_at
         FROM process_steps s LEFT JOIN sla_clocks c ON c.subject_type = 'process_step' AND c.subject_id = s.id`,
    );
    const steps: unknown[][] = [[], []];
    const clocks: unknown[][] = [[], [], [], [], [], [], [], []];
    const rule = periodRuleOf(null);
    for (const row of rows) {
      const period = { amount: Number(row.max_amount), unit: row.step_unit as DurationUnit };
      let due = addDuration(calendar, row.opened_at as Date, period.amount, period.unit, rule);
      if (row.clock_id) {
        const stored = storedClock(row);
        const clock = recomputeClock(calendar, stored, period, rule, warningRatioOf(calendar, stored));
        due = clock.dueAt;
        append(clocks, clockValues(row.clock_id, clock, rule));
      }
      append(steps, [row.id, due]);
    }
    await queryRunner.query(`UPDATE process_steps s SET due_at = x.due FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, due) WHERE s.id = x.id`, steps);
    await this.writeClocks(queryRunner, clocks);
  }

  private async writeClocks(queryRunner: QueryRunner, clocks: unknown[][]): Promise<void> {
    if (!clocks[0].length) return;
    await queryRunner.query(
      `UPDATE sla_clocks c SET warning_at = x.warning, due_at = x.due, further_at = x.further, next_level = x.next_level, next_at = x.next_at,
              day_end = x.day_end, extend_past_day_off = x.extend
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::smallint[], $6::timestamptz[], $7::day_end[], $8::boolean[])
           AS x(id, warning, due, further, next_level, next_at, day_end, extend)
        WHERE c.id = x.id`,
      clocks,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The due dates stay as computed: the earlier rule (the request's time of day) is not restored.
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "extend_past_day_off"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "day_end"`);
    await queryRunner.query(`ALTER TABLE "deadline_policies" DROP COLUMN "extend_past_day_off"`);
    await queryRunner.query(`ALTER TABLE "deadline_policies" DROP COLUMN "calendar_day_end"`);
    await queryRunner.query(`DROP TYPE "public"."day_end"`);
  }
}
