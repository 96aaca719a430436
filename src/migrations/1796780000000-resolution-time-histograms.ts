import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resolution times from histograms of past months, quarters and years. The report sorted a
 * period's durations to take their medians and 90th percentiles: 1.2–2.9 s for a year at ten
 * million tickets, growing with a year's tickets. Now each past month's resolved facts are kept as
 * counts per 2 % bucket of their duration (`report_duration_histograms`, by grouping, department
 * and key), built by the workers from the facts, and quarters and years as the sums of their
 * months; a refresh batch queues the months its facts moved in (`report_duration_changes`, only
 * added to), and a histogram built (`report_duration_spans`) whose months are unchanged since is
 * read instead of its facts. Every month with resolved facts is queued here, and the workers build
 * them.
 */
export class ResolutionTimeHistograms1796780000000 implements MigrationInterface {
  name = 'ResolutionTimeHistograms1796780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_duration_histograms" ("span" smallint NOT NULL, "start" date NOT NULL, "dimension" varchar(12) NOT NULL,
        "department_id" uuid, "key" text, "measure" smallint NOT NULL, "bucket" smallint NOT NULL, "resolved" integer NOT NULL, "minutes" float8 NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_report_duration_histograms_span" ON "report_duration_histograms" ("span", "start", "dimension")`);
    await queryRunner.query(
      `CREATE TABLE "report_duration_spans" ("span" smallint NOT NULL, "start" date NOT NULL, "built_at" timestamptz NOT NULL, PRIMARY KEY ("span", "start"))`,
    );
    await queryRunner.query(`CREATE TABLE "report_duration_changes" ("month" date NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_report_duration_changes_month" ON "report_duration_changes" ("month")`);
    await queryRunner.query(
      `INSERT INTO "report_duration_changes" ("month")
       SELECT DISTINCT date_trunc('month', created_day)::date FROM "report_ticket_facts" WHERE open_minutes IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_duration_changes"`);
    await queryRunner.query(`DROP TABLE "report_duration_spans"`);
    await queryRunner.query(`DROP TABLE "report_duration_histograms"`);
  }
}
