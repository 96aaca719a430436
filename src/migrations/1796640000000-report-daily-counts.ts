import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports' per-day counts, kept by the same refresh as `report_ticket_facts` (SQL only, like
 * the facts): tickets per Istanbul day × department × channel (volume) and per day × department ×
 * category × mahalle (top subjects), so those reports read a row per group and day instead of a row
 * per ticket. Each keeps only what its report groups or is usually filtered by: with all six
 * columns (× mahalle × channel × kind), 1,000,000 tickets over five years made 193,031 groups for
 * 200,003 tickets in 2025, nothing saved.
 */
export class ReportDailyCounts1796640000000 implements MigrationInterface {
  name = 'ReportDailyCounts1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_daily_volume" ("day" date NOT NULL, "department_id" uuid, "channel" "public"."ticket_channel" NOT NULL, "tickets" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_daily_subjects" ("day" date NOT NULL, "department_id" uuid, "category_id" uuid, "mahalle_id" uuid, "tickets" integer NOT NULL)`,
    );
    // One row per group and day, a missing department, category or mahalle being a group of its own.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_volume_group" ON "report_daily_volume" ("day", "department_id", "channel") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_subjects_group" ON "report_daily_subjects" ("day", "department_id", "category_id", "mahalle_id") NULLS NOT DISTINCT`,
    );
    // The counts mirror the facts as they stand; tickets still queued change both at the next refresh.
    await queryRunner.query(
      `INSERT INTO "report_daily_volume" SELECT created_day, department_id, channel, count(*) FROM "report_ticket_facts" GROUP BY 1, 2, 3`,
    );
    await queryRunner.query(
      `INSERT INTO "report_daily_subjects" SELECT created_day, department_id, category_id, mahalle_id, count(*) FROM "report_ticket_facts" GROUP BY 1, 2, 3, 4`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_daily_subjects"`);
    await queryRunner.query(`DROP TABLE "report_daily_volume"`);
  }
}
