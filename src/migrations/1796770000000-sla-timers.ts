import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ladder's progress moves out of `sla_clocks` into `sla_timers`, one narrow row per clock
 * not stopped. The timer's burst updated one wide clock row per step, not HOT (`next_at` is
 * indexed), so each step wrote a whole new row and an entry in each of the clock's three indexes,
 * on pages spread over the whole table (at ten million tickets, 1.2 GB of WAL for 100,000 due).
 * A stopped clock keeps the step it reached in `sla_clocks.level`; a running one's is null there.
 */
export class SlaTimers1796770000000 implements MigrationInterface {
  name = 'SlaTimers1796770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sla_timers" ("clock_id" uuid NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "level" smallint NOT NULL, "next_level" smallint, "next_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "further_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b78b747b149bae110a345ec3a82" PRIMARY KEY ("clock_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "sla_timers" (clock_id, subject_type, subject_id, level, next_level, next_at, due_at, further_at)
       SELECT id, subject_type, subject_id, level, next_level, next_at, due_at, further_at FROM "sla_clocks" WHERE stopped_at IS NULL ORDER BY id`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sla_timers_next_at" ON "sla_timers"  ("next_at") WHERE next_at IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "sla_timers" ADD CONSTRAINT "FK_b78b747b149bae110a345ec3a82" FOREIGN KEY ("clock_id") REFERENCES "sla_clocks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_sla_clocks_next_at"`);
    await queryRunner.query(
      `ALTER TABLE "sla_clocks" DROP COLUMN "next_level", DROP COLUMN "next_at", ALTER COLUMN "level" DROP NOT NULL, ALTER COLUMN "level" DROP DEFAULT`,
    );
    await queryRunner.query(`UPDATE "sla_clocks" SET level = NULL WHERE stopped_at IS NULL`);
    await queryRunner.query(`ANALYZE "sla_timers"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "next_at" TIMESTAMP WITH TIME ZONE, ADD "next_level" smallint`);
    await queryRunner.query(
      `UPDATE "sla_clocks" c SET level = t.level, next_level = t.next_level, next_at = t.next_at FROM "sla_timers" t WHERE t.clock_id = c.id`,
    );
    await queryRunner.query(`UPDATE "sla_clocks" SET level = 0 WHERE level IS NULL`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ALTER COLUMN "level" SET DEFAULT '0', ALTER COLUMN "level" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_sla_clocks_next_at" ON "sla_clocks" ("next_at") WHERE next_at IS NOT NULL`);
    await queryRunner.query(`DROP TABLE "sla_timers"`);
  }
}
