import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate search looks for a citizen's, or a mahalle's, open tickets of one category from
 * the last week, oldest first: an index on (citizen or mahalle, category, created) reads them in
 * that order and stops at the first match, where the citizen or mahalle index alone had every
 * ticket of theirs read and filtered (or, on stale statistics, combined with all of the
 * category's). Each replaces the single-column index, whose lookups it serves too.
 */
export class DuplicateSearchIndexes1795746000000 implements MigrationInterface {
  name = 'DuplicateSearchIndexes1795746000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_bda4cbd0d00980d643bfc46454" ON "tickets" ("citizen_id", "category_id", "created_at")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5bdace5b63a9658cd0dfb6c407"`);
    await queryRunner.query(`CREATE INDEX "IDX_cc22d5f807594d71ac901fb7be" ON "tickets" ("mahalle_id", "category_id", "created_at")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a2370a644e3445dc729b7e21d"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_6a2370a644e3445dc729b7e21d" ON "tickets" ("mahalle_id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc22d5f807594d71ac901fb7be"`);
    await queryRunner.query(`CREATE INDEX "IDX_5bdace5b63a9658cd0dfb6c407" ON "tickets" ("citizen_id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bda4cbd0d00980d643bfc46454"`);
  }
}
