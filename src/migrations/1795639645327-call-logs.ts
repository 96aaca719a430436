import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 444 line's call log. */
export class CallLogs1795639645327 implements MigrationInterface {
  name = 'CallLogs1795639645327';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_sid" character varying(64) NOT NULL, "from_number" character varying(40) NOT NULL, "to_number" character varying(40) NOT NULL, "status" character varying(20) NOT NULL, "status_rank" smallint NOT NULL, "duration_seconds" integer, "menu_choice" character varying(20), "recording_url" text, "agent_id" uuid, "ticket_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa08476bcc13bfdf394261761e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d17aec41c92831873401f45a96" ON "call_logs"  ("call_sid") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d17aec41c92831873401f45a96"`);
    await queryRunner.query(`DROP TABLE "call_logs"`);
  }
}
