import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A category's extra fields and a ticket's values of them; the Open311 channel and the client
 * applications' API keys (only a key's SHA-256 is kept).
 */
export class CategoryFieldsOpen3111796530000000 implements MigrationInterface {
  name = 'CategoryFieldsOpen3111796530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "categories" ADD "fields" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "attributes" jsonb`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_channel" ADD VALUE IF NOT EXISTS 'open311'`);
    await queryRunner.query(
      `CREATE TABLE "open311_clients" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "name" character varying(120) NOT NULL,
         "key_hash" character varying(64) NOT NULL,
         "key_prefix" character varying(12) NOT NULL,
         "created_by_id" uuid,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "revoked_at" TIMESTAMP WITH TIME ZONE,
         "last_used_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "PK_open311_clients" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_open311_clients_key_hash" ON "open311_clients" ("key_hash")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "open311_clients"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "attributes"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "fields"`);
  }
}
