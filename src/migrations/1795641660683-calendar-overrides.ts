import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bridge days, granted afternoons and make-up working days on top of Law 2429's calendar. */
export class CalendarOverrides1795641660683 implements MigrationInterface {
  name = 'CalendarOverrides1795641660683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."calendar_override_kind" AS ENUM('day_off', 'half_day_off', 'working_day')`);
    await queryRunner.query(
      `CREATE TABLE "calendar_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "kind" "public"."calendar_override_kind" NOT NULL, "reason" character varying(200) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b23f682172d62c4a5d0a8bec475" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5da0adcfdcb3ce929cd0845d9a" ON "calendar_overrides"  ("date") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5da0adcfdcb3ce929cd0845d9a"`);
    await queryRunner.query(`DROP TABLE "calendar_overrides"`);
    await queryRunner.query(`DROP TYPE "public"."calendar_override_kind"`);
  }
}
