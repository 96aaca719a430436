import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbound events, routing state and rules, triage, duplicate suspicions, auto-assignment. */
export class IntakePipeline1795495000000 implements MigrationInterface {
  name = 'IntakePipeline1795495000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."duplicate_state" AS ENUM('open', 'merged', 'dismissed')`);
    await queryRunner.query(
      `CREATE TABLE "duplicate_suspicions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "original_id" uuid NOT NULL, "reason" character varying(40) NOT NULL, "state" "public"."duplicate_state" NOT NULL DEFAULT 'open', "resolved_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb6caebd41e5c238caa36138ce1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c0d7f1980939d2588069c4e5bf" ON "duplicate_suspicions"  ("original_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0bd28a9df78f7a8f98d9d52f8" ON "duplicate_suspicions"  ("ticket_id", "original_id")`);
    await queryRunner.query(`CREATE TYPE "public"."inbound_state" AS ENUM('received', 'processed', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "inbound_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(20) NOT NULL, "provider_id" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" "public"."inbound_state" NOT NULL DEFAULT 'received', "ticket_id" uuid, "last_error" text, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b76e26fa0121da742b191b7ded0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4bd2dbfb6b8784640e26c0f3fb" ON "inbound_events"  ("state", "received_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_66a6607d394c35cf1209d1e046" ON "inbound_events"  ("channel", "provider_id")`);
    await queryRunner.query(
      `CREATE TABLE "routing_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid, "mahalle_id" uuid, "kind" "public"."ticket_kind", "department_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b744c5cc71053ea4d3fc8a860c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "departments" ADD "auto_assign" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "max_open_per_assignee" integer NOT NULL DEFAULT '25'`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "routed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "triage" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'routed'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'returned'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'duplicate_suspected'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'duplicate_dismissed'`);
    await queryRunner.query(`CREATE INDEX "IDX_4f3d6ba2e7b856c078a3164eee" ON "tickets"  ("routed_at", "created_at") WHERE routed_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4f3d6ba2e7b856c078a3164eee"`);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type_old" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ALTER COLUMN "type" TYPE "public"."ticket_event_type_old" USING "type"::"text"::"public"."ticket_event_type_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type_old" RENAME TO "ticket_event_type"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "triage"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "routed_at"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "max_open_per_assignee"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "auto_assign"`);
    await queryRunner.query(`DROP TABLE "routing_rules"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_66a6607d394c35cf1209d1e046"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4bd2dbfb6b8784640e26c0f3fb"`);
    await queryRunner.query(`DROP TABLE "inbound_events"`);
    await queryRunner.query(`DROP TYPE "public"."inbound_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0bd28a9df78f7a8f98d9d52f8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0d7f1980939d2588069c4e5bf"`);
    await queryRunner.query(`DROP TABLE "duplicate_suspicions"`);
    await queryRunner.query(`DROP TYPE "public"."duplicate_state"`);
  }
}
