import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalations report in the read model. It joined every escalation ever fired to the facts
 * (0.7–2.6 s at ten million tickets, growing with history). Now the refresh keeps, beside each
 * ticket's facts, its told ladder steps per department told (`report_ticket_escalations`), and
 * their per-day counts by the ticket's department and the department told
 * (`report_daily_escalations`). A step counts once it is told (the notify job names the department
 * told): telling it, or filing one already told, queues its ticket for the refresh and in
 * `report_escalated_tickets`, whose tickets' steps the refresh recomputes. The timer's burst writes
 * its steps untold, so it sets nothing off. Every ticket with a told step is queued here, and the
 * next refresh fills the tables.
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
    await queryRunner.query(`CREATE TABLE "report_escalated_tickets" ("ticket_id" uuid NOT NULL PRIMARY KEY)`);
    await queryRunner.query(`CREATE FUNCTION report_mark_escalated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_escalated_tickets (ticket_id) VALUES (NEW.subject_id) ON CONFLICT DO NOTHING;
        INSERT INTO report_dirty_tickets (ticket_id) VALUES (NEW.subject_id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "escalations_report_told" AFTER INSERT OR UPDATE OF "notified_at", "department_id" ON "escalations"
       FOR EACH ROW WHEN (NEW.subject_type = 'ticket' AND NEW.notified_at IS NOT NULL) EXECUTE FUNCTION report_mark_escalated()`,
    );
    const told = `SELECT DISTINCT subject_id FROM "escalations" WHERE subject_type = 'ticket' AND notified_at IS NOT NULL`;
    await queryRunner.query(`INSERT INTO "report_escalated_tickets" (ticket_id) ${told}`);
    await queryRunner.query(`INSERT INTO "report_dirty_tickets" (ticket_id) ${told} ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "escalations_report_told" ON "escalations"`);
    await queryRunner.query(`DROP FUNCTION report_mark_escalated()`);
    await queryRunner.query(`DROP TABLE "report_escalated_tickets"`);
    await queryRunner.query(`DROP TABLE "report_daily_escalations"`);
    await queryRunner.query(`DROP TABLE "report_ticket_escalations"`);
  }
}
