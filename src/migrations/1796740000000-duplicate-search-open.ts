import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate search's similar-text arm reads a mahalle's tickets of one category from the last
 * week, comparing each one's text (pg_trgm) until one is alike. Where a mahalle files many of a
 * category a week, most of them already answered, it compared them all; this index holds only the
 * open ones, those the search may name. The (mahalle, category, created) index stays for lookups
 * by mahalle.
 */
export class DuplicateSearchOpen1796740000000 implements MigrationInterface {
  name = 'DuplicateSearchOpen1796740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_tickets_open_mahalle_category" ON "tickets" ("mahalle_id", "category_id", "created_at")
        WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_citizen', 'reopened')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_tickets_open_mahalle_category"`);
  }
}
