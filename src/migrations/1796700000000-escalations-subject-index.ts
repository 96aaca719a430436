import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalations' `subject_id` index goes: it was one of four index entries written for every
 * step in the timer's burst, and its one reader, the escalations report, reaches a ticket's
 * escalations through its clock instead (`sla_clocks` (subject_type, subject_id), then
 * `escalations` (clock_id, level), both unique indexes the timer needs anyway).
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
