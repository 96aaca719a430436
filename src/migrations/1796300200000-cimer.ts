import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CİMER's applications with their number and deadline, the answers sent back to CİMER, and the
 * CİMER officer's role. CİMER tickets filed before keep their number (`external_ref`); having no
 * CİMER deadline recorded, they take the law's.
 */
export class Cimer1796300200000 implements MigrationInterface {
  name = 'Cimer1796300200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."cimer_status" AS ENUM('final', 'interim', 'not_competent')`);
    await queryRunner.query(
      `CREATE TABLE "cimer_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "status" "public"."cimer_status" NOT NULL, "text" text NOT NULL, "answered_by_id" uuid NOT NULL, "answered_by_name" character varying(160) NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c16e70e01a5ced3427ad38e9865" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_11646af0797601a9b6d64481c1" ON "cimer_answers" ("ticket_id", "answered_at") `);
    await queryRunner.query(
      `CREATE TABLE "cimer_applications" ("ticket_id" uuid NOT NULL, "cimer_no" character varying(60) NOT NULL, "cimer_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_69daa8b43f0acf983f8e0b5187a" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1f43d4c92685302875a064aa8e" ON "cimer_applications" ("cimer_no") `);
    await queryRunner.query(`ALTER TYPE "public"."user_role" ADD VALUE 'cimer_officer'`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'cimer_answer'`);
    await queryRunner.query(
      `ALTER TABLE "cimer_answers" ADD CONSTRAINT "FK_324ef6ecb27349d6e43bba985ab" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cimer_applications" ADD CONSTRAINT "FK_69daa8b43f0acf983f8e0b5187a" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO cimer_applications (ticket_id, cimer_no, cimer_due_at, created_at)
       SELECT id, external_ref, coalesce(resolution_due_at, created_at), created_at FROM tickets
        WHERE channel = 'cimer' AND external_ref IS NOT NULL ORDER BY created_at
       ON CONFLICT (cimer_no) DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The role and the event type stay in their enums (PostgreSQL drops no enum value).
    await queryRunner.query(`ALTER TABLE "cimer_applications" DROP CONSTRAINT "FK_69daa8b43f0acf983f8e0b5187a"`);
    await queryRunner.query(`ALTER TABLE "cimer_answers" DROP CONSTRAINT "FK_324ef6ecb27349d6e43bba985ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f43d4c92685302875a064aa8e"`);
    await queryRunner.query(`DROP TABLE "cimer_applications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11646af0797601a9b6d64481c1"`);
    await queryRunner.query(`DROP TABLE "cimer_answers"`);
    await queryRunner.query(`DROP TYPE "public"."cimer_status"`);
  }
}
