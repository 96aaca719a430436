import { MigrationInterface, QueryRunner } from 'typeorm';

/** Satisfaction surveys after a resolution, the tickets they reopened for review, and their timeline entry. */
export class Surveys1795643173895 implements MigrationInterface {
  name = 'Surveys1795643173895';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ticket_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "round" integer NOT NULL, "token" character varying(40) NOT NULL, "channel" "public"."outbound_channel" NOT NULL, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_via" character varying(20), "score" smallint, "solved" boolean, "comment" text, "reopened" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e61bb81b9754cc165badc790ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3916547fc1947e1b3a626f58e6" ON "ticket_surveys"  ("token") `);
    await queryRunner.query(`CREATE INDEX "IDX_98f8a55a3b360a1eca7fcac0c5" ON "ticket_surveys"  ("answered_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5474ce42cf97718827d466bb91" ON "ticket_surveys"  ("citizen_id", "asked_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b26ae1f3aa6bbf98f8f4a46a8a" ON "ticket_surveys"  ("ticket_id", "round") `);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "needs_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'survey_answered'`);
    await queryRunner.query(`CREATE INDEX "IDX_c6dcc48cadfba9df37fe9cdab0" ON "tickets"  ("department_id", "created_at") WHERE needs_review`);
    await queryRunner.query(
      `ALTER TABLE "ticket_surveys" ADD CONSTRAINT "FK_7724c54f5ad18c6850d9416c15b" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket_surveys" DROP CONSTRAINT "FK_7724c54f5ad18c6850d9416c15b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6dcc48cadfba9df37fe9cdab0"`);
    await queryRunner.query(`DELETE FROM "ticket_events" WHERE "type" = 'survey_answered'`);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type_old" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated', 'routed', 'returned', 'duplicate_suspected', 'duplicate_dismissed')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ALTER COLUMN "type" TYPE "public"."ticket_event_type_old" USING "type"::"text"::"public"."ticket_event_type_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type_old" RENAME TO "ticket_event_type"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "needs_review"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b26ae1f3aa6bbf98f8f4a46a8a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5474ce42cf97718827d466bb91"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98f8a55a3b360a1eca7fcac0c5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3916547fc1947e1b3a626f58e6"`);
    await queryRunner.query(`DROP TABLE "ticket_surveys"`);
  }
}
