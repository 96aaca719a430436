import { MigrationInterface, QueryRunner } from 'typeorm';

/** A citizen's objection to all messages, and the language they read. */
export class CitizenOptOut1795641909286 implements MigrationInterface {
  name = 'CitizenOptOut1795641909286';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizens" ADD "opted_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "citizens" ADD "locale" character varying(2) NOT NULL DEFAULT 'tr'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "opted_out_at"`);
  }
}
