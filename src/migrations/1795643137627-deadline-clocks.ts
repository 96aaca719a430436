import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadline clocks and their escalations, the staff notification list, the ladder settings of departments. */
export class DeadlineClocks1795643137627 implements MigrationInterface {
  name = 'DeadlineClocks1795643137627';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "cause" character varying(120) NOT NULL, "ticket_id" uuid, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(300) NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ec031276e7f643e3795045de3e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f00530c99b96c2f9a500504e04" ON "staff_notifications"  ("user_id", "cause") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a8f319bee75ffbd826f2332ba" ON "staff_notifications"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "sla_clocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "unit" "public"."duration_unit" NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "warning_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "further_at" TIMESTAMP WITH TIME ZONE, "level" smallint NOT NULL DEFAULT '0', "next_level" smallint, "next_at" TIMESTAMP WITH TIME ZONE, "paused_at" TIMESTAMP WITH TIME ZONE, "paused_minutes" integer NOT NULL DEFAULT '0', "stopped_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2dce3f4b73eb9cb02e3d81de5c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sla_clocks_next_at" ON "sla_clocks"  ("next_at") WHERE next_at IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8312cc0a9e92cc134d94c49d5e" ON "sla_clocks"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "clock_id" uuid NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "department_id" uuid, "level" smallint NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cec1c5c5dc096abd6f29a6f852" ON "escalations"  ("subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_escalations_unnotified" ON "escalations"  ("fired_at") WHERE notified_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fbd86c406d1895355fa37a48b1" ON "escalations"  ("clock_id", "level") `);
    await queryRunner.query(`ALTER TABLE "departments" ADD "escalate_after_breach_hours" integer DEFAULT '16'`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "reassign_on_breach" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'deadline_paused'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'deadline_resumed'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'escalated'`);
    // Tickets already open keep their due date: their clocks start with the breach as the next step.
    await queryRunner.query(`INSERT INTO "sla_clocks" ("subject_type", "subject_id", "unit", "started_at", "due_at", "level", "next_level", "next_at", "paused_at")
      SELECT 'ticket', t.id, coalesce(p.resolution_unit, 'calendar_days'), t.created_at, t.resolution_due_at, 0,
             CASE WHEN t.status <> 'waiting_for_citizen' THEN 2 END,
             CASE WHEN t.status <> 'waiting_for_citizen' THEN t.resolution_due_at END,
             CASE WHEN t.status = 'waiting_for_citizen' THEN t.updated_at END
        FROM "tickets" t LEFT JOIN "deadline_policies" p ON p.id = t.deadline_policy_id
       WHERE t.resolution_due_at IS NOT NULL AND t.status IN ('new', 'assigned', 'in_progress', 'waiting_for_citizen', 'reopened')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type_old" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated', 'routed', 'returned', 'duplicate_suspected', 'duplicate_dismissed')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ALTER COLUMN "type" TYPE "public"."ticket_event_type_old" USING "type"::"text"::"public"."ticket_event_type_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type_old" RENAME TO "ticket_event_type"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "reassign_on_breach"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "escalate_after_breach_hours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fbd86c406d1895355fa37a48b1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_escalations_unnotified"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cec1c5c5dc096abd6f29a6f852"`);
    await queryRunner.query(`DROP TABLE "escalations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8312cc0a9e92cc134d94c49d5e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sla_clocks_next_at"`);
    await queryRunner.query(`DROP TABLE "sla_clocks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a8f319bee75ffbd826f2332ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f00530c99b96c2f9a500504e04"`);
    await queryRunner.query(`DROP TABLE "staff_notifications"`);
  }
}
