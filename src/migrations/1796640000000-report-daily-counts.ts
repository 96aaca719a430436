import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports' per-day counts: tickets per Istanbul day × department × category × mahalle × channel
 * × kind, kept by the same refresh as `report_ticket_facts` (SQL only, like the facts), so the
 * reports that only count tickets read a row per group and day instead of a row per ticket.
 */
export class ReportDailyCounts1796640000000 implements MigrationInterface {
  name = 'ReportDailyCounts1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_daily_counts" ("day" date NOT NULL, "department_id" uuid, "category_id" uuid, "mahalle_id" uuid, "channel" "public"."ticket_channel" NOT NULL, "kind" "public"."ticket_kind" NOT NULL, "tickets" integer NOT NULL)`,
    );
    // One row per group and day, a missing department or category or mahalle being a group of its own.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_report_daily_counts_group" ON "report_daily_counts" ("day", "department_id", "category_id", "mahalle_id", "channel", "kind") NULLS NOT DISTINCT`,
    );
    // The counts mirror the facts as they stand; tickets still queued change both at the next refresh.
    await queryRunner.query(
      `INSERT INTO "report_daily_counts" SELECT created_day, department_id, category_id, mahalle_id, channel, kind, count(*)
         FROM "report_ticket_facts" GROUP BY 1, 2, 3, 4, 5, 6`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_daily_counts"`);
  }
}
