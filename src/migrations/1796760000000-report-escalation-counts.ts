import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalations report in the read model. It joined every escalation ever fired to the facts
 * (0.7–2.6 s at ten million tickets, growing with history). Now the refresh keeps, beside each
 * ticket's facts, its ladder steps per department told (`report_ticket_escalations`), and their
 * per-day counts by the ticket's department and the department told (`report_daily_escalations`);
 * a step is told once, so the notify step queues its ticket for the refresh (the timer's own
 * burst writes nothing more). The fillings below are these tables' first, as the definitions
 * stood when they were written.
 */
export class ReportEscalationCounts1796760000000 implements MigrationInterface {
  name = 'ReportEscalationCounts1796760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const steps = `"warnings" integer NOT NULL, "breaches" integer NOT NULL, "escalated_above" integer NOT NULL`;
    await queryRunner.query(`CREATE TABLE "report_ticket_escalations" ("ticket_id" uuid NOT NULL, "department_id" uuid, ${steps})`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_ticket_escalations_key" ON "report_ticket_escalations" ("ticket_id", "department_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_daily_escalations" ("day" date NOT NULL, "department_id" uuid, "told_department_id" uuid, "tickets" integer NOT NULL, ${steps})`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_escalations_group" ON "report_daily_escalations" ("day", "department_id", "told_department_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(`CREATE FUNCTION report_mark_escalated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO report_dirty_tickets (ticket_id) VALUES (NEW.subject_id) ON CONFLICT DO NOTHING; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "escalations_report_dirty" AFTER UPDATE OF "notified_at", "department_id" ON "escalations"
       FOR EACH ROW WHEN (NEW.subject_type = 'ticket') EXECUTE FUNCTION report_mark_escalated()`,
    );
    await queryRunner.query(
      `INSERT INTO "report_ticket_escalations"
       SELECT f.ticket_id, coalesce(e.department_id, f.department_id), count(*) FILTER (WHERE e.level = 1), count(*) FILTER (WHERE e.level = 2),
              count(*) FILTER (WHERE e.level = 3)
         FROM "escalations" e JOIN "sla_clocks" c ON c.id = e.clock_id JOIN "report_ticket_facts" f ON f.ticket_id = c.subject_id
        WHERE c.subject_type = 'ticket' GROUP BY 1, 2`,
    );
    await queryRunner.query(
      `INSERT INTO "report_daily_escalations"
       SELECT f.created_day, f.department_id, x.department_id, count(*), sum(x.warnings), sum(x.breaches), sum(x.escalated_above)
         FROM "report_ticket_escalations" x JOIN "report_ticket_facts" f ON f.ticket_id = x.ticket_id GROUP BY 1, 2, 3`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "escalations_report_dirty" ON "escalations"`);
    await queryRunner.query(`DROP FUNCTION report_mark_escalated()`);
    await queryRunner.query(`DROP TABLE "report_daily_escalations"`);
    await queryRunner.query(`DROP TABLE "report_ticket_escalations"`);
  }
}
