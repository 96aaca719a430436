import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimelineOrder1795493408747 implements MigrationInterface {
  name = 'TimelineOrder1795493408747';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_3e03aa7fc4bf3d20d3459efa6f"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" ADD "seq" BIGSERIAL NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_2008dbb49c96042bde0d0dbbb2" ON "ticket_events"  ("ticket_id", "seq") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_2008dbb49c96042bde0d0dbbb2"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP COLUMN "seq"`);
    await queryRunner.query(`CREATE INDEX "IDX_3e03aa7fc4bf3d20d3459efa6f" ON "ticket_events" USING btree ("ticket_id", "created_at") `);
  }
}
