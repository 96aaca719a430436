import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('new', 'assigned', 'in_progress', 'waiting_for_citizen', 'reopened')`;
const flag = (condition: string) => `sum(coalesce(${condition}, false)::int)`;
const deadline = (due: string, done: string) =>
  [`${due} IS NOT NULL`, `${done} <= ${due}`, `${done} > ${due}`, `${done} IS NULL AND ${due} IS NOT NULL`].map(flag).join(', ');

/**
 * Per-day counts for the summary, deadline compliance and the mahalleler report, kept by the
 * refresh like the volume's (read-model/daily-counts.sql.ts), so those reports read a row per day
 * and group instead of every fact of the period: at ten million tickets (two million a year) they
 * took 1.4–2.5 s. A deadline's outcome that moves with the clock (still awaited: missed once its
 * due time passes) is read from the facts still awaited, by the two partial indexes, and only those
 * due after "now": a few weeks' tickets, however many years the facts hold. The muhtar indicators
 * read the muhtar channel's facts by a partial index (3.5–4.8 s before, every fact of the year
 * checked against the links), the backlog the open facts by another, and the Law 4982 annual
 * report its applications by a third. The expressions below
 * are these tables' first filling, as the definitions stood when they were written.
 */
export class ReportDailyOutcomes1796730000000 implements MigrationInterface {
  name = 'ReportDailyOutcomes1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const deadlineColumns = (name: string) => ['with_deadline', 'met', 'late', 'awaited'].map((c) => `"${name}_${c}" integer NOT NULL`).join(', ');
    await queryRunner.query(
      `CREATE TABLE "report_daily_outcomes" ("day" date NOT NULL, "department_id" uuid, "legal_basis" "public"."legal_basis" NOT NULL,
         "deadline_policy_id" uuid, "tickets" integer NOT NULL, "resolved" integer NOT NULL, "open_tickets" integer NOT NULL,
         "reopened" integer NOT NULL, "answered_same_day" integer NOT NULL, "phone" integer NOT NULL, "during_call" integer NOT NULL,
         ${deadlineColumns('resolution')}, ${deadlineColumns('response')})`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_daily_mahalleler" ("day" date NOT NULL, "department_id" uuid, "mahalle_id" uuid, "tickets" integer NOT NULL,
         "open_tickets" integer NOT NULL, "resolved" integer NOT NULL, "resolved_minutes" numeric NOT NULL, ${deadlineColumns('resolution')})`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_outcomes_group" ON "report_daily_outcomes" ("day", "department_id", "legal_basis", "deadline_policy_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_mahalleler_group" ON "report_daily_mahalleler" ("day", "department_id", "mahalle_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_facts_resolution_awaited" ON "report_ticket_facts" ("resolution_due_at") WHERE "first_resolved_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_facts_response_awaited" ON "report_ticket_facts" ("first_response_due_at") WHERE "first_responded_at" IS NULL`,
    );
    // The backlog's: the open facts, with what it reads of them besides the creation instant (read from the index alone once vacuumed).
    await queryRunner.query(
      `CREATE INDEX "idx_report_facts_open" ON "report_ticket_facts" ("created_at") INCLUDE ("department_id", "resolution_due_at") WHERE ${OPEN}`,
    );
    // The Law 4982 annual report's applications (an eighth of the facts or fewer).
    await queryRunner.query(`CREATE INDEX "idx_report_facts_law_4982" ON "report_ticket_facts" ("created_at") WHERE "legal_basis" = 'law_4982'`);
    // The muhtar indicators' tickets: the muhtar channel's (with those linked to a meeting or visit, read by the links).
    await queryRunner.query(`CREATE INDEX "idx_report_facts_muhtar" ON "report_ticket_facts" ("created_at") WHERE "channel" = 'muhtar'`);
    const resolution = deadline('resolution_due_at', 'first_resolved_at');
    await queryRunner.query(
      `INSERT INTO "report_daily_outcomes"
       SELECT created_day, department_id, legal_basis, deadline_policy_id, count(*), ${flag('resolved_at IS NOT NULL')}, ${flag(OPEN)},
              ${flag('reopen_count > 0')}, ${flag(`(first_resolved_at AT TIME ZONE 'Europe/Istanbul')::date = created_day`)},
              ${flag(`channel = 'phone'`)}, ${flag('during_call')}, ${resolution}, ${deadline('first_response_due_at', 'first_responded_at')}
         FROM "report_ticket_facts" GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query(
      `INSERT INTO "report_daily_mahalleler"
       SELECT created_day, department_id, mahalle_id, count(*), ${flag(OPEN)}, count(open_minutes), coalesce(sum(open_minutes::numeric), 0), ${resolution}
         FROM "report_ticket_facts" GROUP BY 1, 2, 3`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_report_facts_muhtar"`);
    await queryRunner.query(`DROP INDEX "idx_report_facts_law_4982"`);
    await queryRunner.query(`DROP INDEX "idx_report_facts_open"`);
    await queryRunner.query(`DROP INDEX "idx_report_facts_response_awaited"`);
    await queryRunner.query(`DROP INDEX "idx_report_facts_resolution_awaited"`);
    await queryRunner.query(`DROP TABLE "report_daily_mahalleler"`);
    await queryRunner.query(`DROP TABLE "report_daily_outcomes"`);
  }
}
