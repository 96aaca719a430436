import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports: the per-ticket read model with its dirty queue and working-time table, exports, and the muhtar calendar. */
export class Reports1795643297241 implements MigrationInterface {
  name = 'Reports1795643297241';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report" character varying(40) NOT NULL, "format" character varying(10) NOT NULL, "query" jsonb NOT NULL, "requested_by_id" uuid NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "rows_written" integer NOT NULL DEFAULT '0', "rows_total" integer, "file_name" character varying(300), "file_bytes" bigint, "error" text, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831f34e4d6c47ec2bb42a614465" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_37c8f6c056c24a431a48b7f104" ON "report_exports" ("requested_by_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_c8951c938ed26d36d247e51a30" ON "report_exports" ("state", "created_at")`);
    await queryRunner.query(`CREATE TYPE "public"."muhtar_activity_kind" AS ENUM('coordination_meeting', 'visit')`);
    await queryRunner.query(
      `CREATE TABLE "muhtar_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."muhtar_activity_kind" NOT NULL, "title" character varying(200) NOT NULL, "mahalle_id" uuid, "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "muhtar_informed_at" TIMESTAMP WITH TIME ZONE, "held_at" TIMESTAMP WITH TIME ZONE, "attendance" integer, "cancelled_at" TIMESTAMP WITH TIME ZONE, "notes" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c113bab2c42579b3e15b00bfec1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3bec9ab2d9d78296d0b88bca60" ON "muhtar_activities" ("held_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_b7b52688bcbfd0732b83d75449" ON "muhtar_activities" ("kind", "planned_at")`);
    await queryRunner.query(
      `CREATE TABLE "muhtar_activity_tickets" ("activity_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f179e9f097496f4e5a64484e9b2" PRIMARY KEY ("activity_id", "ticket_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7045fefef6a0c41dc934d1f621" ON "muhtar_activity_tickets" ("ticket_id")`);
    await queryRunner.query(
      `ALTER TABLE "muhtar_activities" ADD CONSTRAINT "FK_5729b2b1963c692c8386f86ebf9" FOREIGN KEY ("mahalle_id") REFERENCES "mahalleler"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "muhtar_activity_tickets" ADD CONSTRAINT "FK_af99a7bb745bcc00b55ed18a560" FOREIGN KEY ("activity_id") REFERENCES "muhtar_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "muhtar_activity_tickets" ADD CONSTRAINT "FK_7045fefef6a0c41dc934d1f6215" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The read model is SQL only (no entities): the reports read it with hand-written aggregates.
    await queryRunner.query(
      `CREATE TABLE "report_ticket_facts" ("ticket_id" uuid NOT NULL PRIMARY KEY, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_day" date NOT NULL, "department_id" uuid, "category_id" uuid, "mahalle_id" uuid, "kind" "public"."ticket_kind" NOT NULL, "channel" "public"."ticket_channel" NOT NULL, "status" "public"."ticket_status" NOT NULL, "legal_basis" "public"."legal_basis" NOT NULL, "deadline_policy_id" uuid, "resolution" character varying(30), "first_resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "open_minutes" double precision, "open_working_minutes" double precision, "reopen_count" smallint NOT NULL DEFAULT 0, "during_call" boolean NOT NULL DEFAULT false, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolution_due_at" TIMESTAMP WITH TIME ZONE)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_report_facts_created" ON "report_ticket_facts" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "idx_report_facts_department_created" ON "report_ticket_facts" ("department_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "report_dirty_tickets" ("ticket_id" uuid NOT NULL PRIMARY KEY)`);
    await queryRunner.query(
      `CREATE TABLE "report_work_periods" ("start_at" TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY, "minutes" double precision NOT NULL, "cum_minutes" double precision NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_state" ("id" smallint NOT NULL PRIMARY KEY, "calendar_signature" text, "periods_until" date, "refreshed_at" TIMESTAMP WITH TIME ZONE)`,
    );
    // Working minutes from the table's start to an instant; a difference of two is workingMinutesBetween.
    await queryRunner.query(`CREATE FUNCTION report_working_minute(at timestamptz) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce((SELECT p.cum_minutes + least(greatest(extract(epoch FROM at - p.start_at) / 60, 0), p.minutes)
                         FROM report_work_periods p WHERE p.start_at <= at ORDER BY p.start_at DESC LIMIT 1), 0)::float8 $$`);
    await queryRunner.query(`CREATE FUNCTION report_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO report_dirty_tickets (ticket_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER "tickets_report_dirty" AFTER INSERT OR UPDATE ON "tickets" FOR EACH ROW EXECUTE FUNCTION report_mark_dirty()`);
    await queryRunner.query(`INSERT INTO "report_dirty_tickets" ("ticket_id") SELECT "id" FROM "tickets"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tickets_report_dirty" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION report_mark_dirty()`);
    await queryRunner.query(`DROP FUNCTION report_working_minute(timestamptz)`);
    await queryRunner.query(`DROP TABLE "report_state"`);
    await queryRunner.query(`DROP TABLE "report_work_periods"`);
    await queryRunner.query(`DROP TABLE "report_dirty_tickets"`);
    await queryRunner.query(`DROP TABLE "report_ticket_facts"`);
    await queryRunner.query(`ALTER TABLE "muhtar_activity_tickets" DROP CONSTRAINT "FK_7045fefef6a0c41dc934d1f6215"`);
    await queryRunner.query(`ALTER TABLE "muhtar_activity_tickets" DROP CONSTRAINT "FK_af99a7bb745bcc00b55ed18a560"`);
    await queryRunner.query(`ALTER TABLE "muhtar_activities" DROP CONSTRAINT "FK_5729b2b1963c692c8386f86ebf9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7045fefef6a0c41dc934d1f621"`);
    await queryRunner.query(`DROP TABLE "muhtar_activity_tickets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b7b52688bcbfd0732b83d75449"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3bec9ab2d9d78296d0b88bca60"`);
    await queryRunner.query(`DROP TABLE "muhtar_activities"`);
    await queryRunner.query(`DROP TYPE "public"."muhtar_activity_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8951c938ed26d36d247e51a30"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37c8f6c056c24a431a48b7f104"`);
    await queryRunner.query(`DROP TABLE "report_exports"`);
  }
}
