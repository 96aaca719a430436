import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate search looks for a mahalle's open tickets of one category from the last week,
 * oldest first: one index on (mahalle, category, created) reads them in that order and stops at
 * the first similar one, where the mahalle index alone had every ticket of the mahalle read and
 * compared. It replaces the mahalle index, whose lookups it serves too.
 */
export class DuplicateSearchIndex1795746000000 implements MigrationInterface {
  name = 'DuplicateSearchIndex1795746000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_cc22d5f807594d71ac901fb7be" ON "tickets" ("mahalle_id", "category_id", "created_at")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a2370a644e3445dc729b7e21d"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_6a2370a644e3445dc729b7e21d" ON "tickets" ("mahalle_id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc22d5f807594d71ac901fb7be"`);
  }
}
