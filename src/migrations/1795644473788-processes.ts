import { MigrationInterface, QueryRunner } from 'typeorm';

/** Process templates, their running instances with a clock per step and a timeline; the mayor's appointments and slots. */
export class Processes1795644473788 implements MigrationInterface {
  name = 'Processes1795644473788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "appointment_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(200), "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_667e57c39f789b906bd595a2e2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d0216ae32b2de17c77908df47d" ON "appointment_slots"  ("starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."requester_kind" AS ENUM('citizen', 'institution')`);
    await queryRunner.query(`CREATE TYPE "public"."appointment_status" AS ENUM('requested', 'scheduled', 'held', 'missed', 'cancelled', 'declined')`);
    await queryRunner.query(
      `CREATE TABLE "appointments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requester_kind" "public"."requester_kind" NOT NULL, "requester_name" character varying(200) NOT NULL, "institution_name" character varying(200), "phone" character varying(20), "email" character varying(200), "channel" character varying(20) NOT NULL, "subject" text NOT NULL, "ticket_id" uuid, "citizen_id" uuid, "status" "public"."appointment_status" NOT NULL DEFAULT 'requested', "slot_id" uuid, "scheduled_at" TIMESTAMP WITH TIME ZONE, "booked_by_id" uuid, "reason" text, "note" text, "closed_by_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6e3ea8304a0e04a9da8c47fafd" ON "appointments"  ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3dc0a707c05fe04924f846fc50" ON "appointments"  ("status", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_appointments_slot_taken" ON "appointments"  ("slot_id") WHERE status IN ('scheduled', 'held', 'missed')`);
    await queryRunner.query(
      `CREATE TABLE "process_events" ("seq" BIGSERIAL NOT NULL, "instance_id" uuid NOT NULL, "step_id" uuid, "type" character varying(30) NOT NULL, "actor_id" uuid, "body" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_136546619dfa69e7b0df72a8d6a" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_210f35fd16052bef4c32f70e16" ON "process_events"  ("instance_id", "seq") `);
    await queryRunner.query(`CREATE TYPE "public"."process_status" AS ENUM('running', 'completed', 'rejected', 'filed')`);
    await queryRunner.query(
      `CREATE TABLE "process_instances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "template_version" integer NOT NULL, "definition" jsonb NOT NULL, "title" character varying(300) NOT NULL, "ticket_id" uuid, "owner_department_id" uuid NOT NULL, "status" "public"."process_status" NOT NULL DEFAULT 'running', "started_by_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58493abf24b5dfc4822edd7531f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_70202d2b922d175fd943cac901" ON "process_instances"  ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4b282066205d379e40940c3e69" ON "process_instances"  ("template_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "process_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instance_id" uuid NOT NULL, "seq" smallint NOT NULL, "key" character varying(40) NOT NULL, "name" character varying(300) NOT NULL, "department_id" uuid NOT NULL, "role" character varying(30), "assignee_id" uuid, "min_amount" smallint NOT NULL, "max_amount" smallint NOT NULL, "unit" "public"."duration_unit" NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by_id" uuid, "outcome" character varying(40), "document" character varying(300), "note" text, CONSTRAINT "PK_8364ae09123f5e55ae040504e52" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_64f02c2eb86dedf83388ed7492" ON "process_steps"  ("department_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1279101a93a90fc4464416af6a" ON "process_steps"  ("instance_id", "seq") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_process_steps_one_open" ON "process_steps"  ("instance_id") WHERE completed_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "process_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "owner_department_id" uuid NOT NULL, "target_on_time_ratio" numeric(4,3) NOT NULL, "warning_ratio" numeric(4,3) NOT NULL, "steps" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_529a8887caa7e4b4abbb947e9c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_44e1dedc77712e2baecd333500" ON "process_templates"  ("code") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_44e1dedc77712e2baecd333500"`);
    await queryRunner.query(`DROP TABLE "process_templates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_process_steps_one_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1279101a93a90fc4464416af6a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64f02c2eb86dedf83388ed7492"`);
    await queryRunner.query(`DROP TABLE "process_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b282066205d379e40940c3e69"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_70202d2b922d175fd943cac901"`);
    await queryRunner.query(`DROP TABLE "process_instances"`);
    await queryRunner.query(`DROP TYPE "public"."process_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_210f35fd16052bef4c32f70e16"`);
    await queryRunner.query(`DROP TABLE "process_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_appointments_slot_taken"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3dc0a707c05fe04924f846fc50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e3ea8304a0e04a9da8c47fafd"`);
    await queryRunner.query(`DROP TABLE "appointments"`);
    await queryRunner.query(`DROP TYPE "public"."appointment_status"`);
    await queryRunner.query(`DROP TYPE "public"."requester_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0216ae32b2de17c77908df47d"`);
    await queryRunner.query(`DROP TABLE "appointment_slots"`);
  }
}
