import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's token version, carried in access tokens, so a password or role change can end the tokens issued before it. */
export class TokenVersion1796000000000 implements MigrationInterface {
  name = 'TokenVersion1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
