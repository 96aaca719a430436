import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Law 4982's own record beside a bilgi edinme ticket (the access fee, the decision with its
 * exemption articles), the objections to the Kurul linked to it, and their timeline entries.
 */
export class InformationRequests1796300100000 implements MigrationInterface {
  name = 'InformationRequests1796300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."information_decision" AS ENUM('granted', 'partly_granted', 'refused', 'withdrawn')`);
    await queryRunner.query(
      `CREATE TABLE "information_requests" ("ticket_id" uuid NOT NULL, "fee_amount" numeric(12,2), "fee_notified_at" TIMESTAMP WITH TIME ZONE, "fee_due_at" TIMESTAMP WITH TIME ZONE, "fee_paid_at" TIMESTAMP WITH TIME ZONE, "decision" "public"."information_decision", "exemption_articles" smallint array NOT NULL DEFAULT '{}', "decision_reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_87c1059e40d96a8ef95c1b051cd" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."objection_outcome" AS ENUM('upheld', 'overturned', 'partly_overturned')`);
    await queryRunner.query(
      `CREATE TABLE "information_objections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "filed_on" date NOT NULL, "late" boolean NOT NULL DEFAULT false, "kurul_ref" character varying(60), "decision_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" "public"."objection_outcome", "decided_on" date, "note" text, "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e087ccb084ab479f9fc1e3266df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3db7754924853b375406241d91" ON "information_objections" ("ticket_id") `);
    for (const value of ['fee_notified', 'fee_paid', 'information_decided', 'objection']) {
      await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE '${value}'`);
    }
    await queryRunner.query(
      `ALTER TABLE "information_requests" ADD CONSTRAINT "FK_87c1059e40d96a8ef95c1b051cd" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_objections" ADD CONSTRAINT "FK_3db7754924853b375406241d912" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "information_objections" DROP CONSTRAINT "FK_3db7754924853b375406241d912"`);
    await queryRunner.query(`ALTER TABLE "information_requests" DROP CONSTRAINT "FK_87c1059e40d96a8ef95c1b051cd"`);
    // Enum values cannot be dropped; the timeline entries that use them stay readable as text.
    await queryRunner.query(`DROP INDEX "public"."IDX_3db7754924853b375406241d91"`);
    await queryRunner.query(`DROP TABLE "information_objections"`);
    await queryRunner.query(`DROP TYPE "public"."objection_outcome"`);
    await queryRunner.query(`DROP TABLE "information_requests"`);
    await queryRunner.query(`DROP TYPE "public"."information_decision"`);
  }
}
