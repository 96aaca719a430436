import { MigrationInterface, QueryRunner } from 'typeorm';

/** A deadline policy may restart the clock when a ticket is transferred. */
export class RestartOnTransfer1795644997757 implements MigrationInterface {
  name = 'RestartOnTransfer1795644997757';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline_policies" ADD "restart_on_transfer" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline_policies" DROP COLUMN "restart_on_transfer"`);
  }
}
