import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalations' `subject_id` index goes: it was one of four index entries written for every
 * step of the timer's burst, and nothing reads through it. Its one reader by subject, the
 * escalations report, joins a year's or a month's facts by hash over all escalations with or
 * without it (measured on 1,000,000 tickets and 666,724 escalations: the plan did not change).
 */
export class EscalationsSubjectIndex1796700000000 implements MigrationInterface {
  name = 'EscalationsSubjectIndex1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_cec1c5c5dc096abd6f29a6f852"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_cec1c5c5dc096abd6f29a6f852" ON "escalations" ("subject_id") `);
  }
}
