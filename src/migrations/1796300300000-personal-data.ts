import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KVKK: the data subjects' rights exercised, the periodic destructions with their records and
 * schedule (one row; the first run at the workers' next sweep), legal holds on tickets, and the
 * marks of what has been anonymised.
 */
export class PersonalData1796300300000 implements MigrationInterface {
  name = 'PersonalData1796300300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "personal_data_destructions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" character varying(10) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "requested_by_id" uuid, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "retention" jsonb NOT NULL DEFAULT '{}', "counts" jsonb NOT NULL DEFAULT '{}', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c960a7c0ce586d5d36a2f9f7ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2d569fc3c6e0496f54c66d11f6" ON "personal_data_destructions" ("state", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "personal_data_settings" ("id" smallint NOT NULL, "destruction_interval_days" integer NOT NULL DEFAULT '180', "next_destruction_at" TIMESTAMP WITH TIME ZONE, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4dea1d64a980284b642ec06c718" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "personal_data_settings" ("id") VALUES (1)`);
    await queryRunner.query(
      `CREATE TABLE "legal_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "reason" character varying(500) NOT NULL, "placed_by_id" uuid NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_at" TIMESTAMP WITH TIME ZONE, "released_by_id" uuid, CONSTRAINT "PK_bbe3e0c98678909493a90442dfb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3f289fdb997bb2786a9ad2d4ce" ON "legal_holds" ("ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "personal_data_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "request_ticket_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f76499e22faf6eb2e8372cf2fa6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_911a21cc1133364742a34a1b4f" ON "personal_data_actions" ("citizen_id") `);
    await queryRunner.query(`ALTER TABLE "citizens" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    // Added without a rewrite (nullable, no default); the reports' trigger does not fire on ALTER.
    await queryRunner.query(`ALTER TABLE "tickets" ADD "personal_data_erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "legal_holds" ADD CONSTRAINT "FK_3f289fdb997bb2786a9ad2d4ce0" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "legal_holds" DROP CONSTRAINT "FK_3f289fdb997bb2786a9ad2d4ce0"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "personal_data_erased_at"`);
    await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "erased_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_911a21cc1133364742a34a1b4f"`);
    await queryRunner.query(`DROP TABLE "personal_data_actions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f289fdb997bb2786a9ad2d4ce"`);
    await queryRunner.query(`DROP TABLE "legal_holds"`);
    await queryRunner.query(`DROP TABLE "personal_data_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d569fc3c6e0496f54c66d11f6"`);
    await queryRunner.query(`DROP TABLE "personal_data_destructions"`);
  }
}
