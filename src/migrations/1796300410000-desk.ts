import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent's desk: each user's saved views of the ticket list, the hazır yanıtlar (per department,
 * or global), and the search box's look-up of an application by the phone it gave.
 */
export class Desk1796300410000 implements MigrationInterface {
  name = 'Desk1796300410000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "canned_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(120) NOT NULL, "body" text NOT NULL, "department_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_14bbca3c8064f783d1aa4586c5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2ddb99f788ff7df33d5f700782" ON "canned_answers" ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "saved_views" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(60) NOT NULL, "query" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30acd4fbe2058d97631ab9bb2b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5ef69747737eae659eb1dd15aa" ON "saved_views" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7e759125f026160785c29e77b7" ON "tickets" ("contact_phone") `);
    await queryRunner.query(
      `ALTER TABLE "canned_answers" ADD CONSTRAINT "FK_2ddb99f788ff7df33d5f7007825" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_views" ADD CONSTRAINT "FK_5ef69747737eae659eb1dd15aac" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_views" DROP CONSTRAINT "FK_5ef69747737eae659eb1dd15aac"`);
    await queryRunner.query(`ALTER TABLE "canned_answers" DROP CONSTRAINT "FK_2ddb99f788ff7df33d5f7007825"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e759125f026160785c29e77b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ef69747737eae659eb1dd15aa"`);
    await queryRunner.query(`DROP TABLE "saved_views"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2ddb99f788ff7df33d5f700782"`);
    await queryRunner.query(`DROP TABLE "canned_answers"`);
  }
}
