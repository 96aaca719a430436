import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 444 line in the browser: agents' softphone presence, a call's transfer on the call log,
 * and room in the KVKK access log for the reason a user gave beside the tracking number.
 */
export class BrowserPhone1796300900000 implements MigrationInterface {
  name = 'BrowserPhone1796300900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "voice_presence" ("user_id" uuid NOT NULL, "available" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f993df9215ead069b021c375fdc" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "transferred_to_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "transferred_to_department_id" uuid`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "transferred_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "transferred_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "transfer_redirected" boolean`);
    // Widened in place (TypeORM would drop and re-add the column, losing the log).
    await queryRunner.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "purpose" TYPE character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "purpose" TYPE character varying(200) USING left("purpose", 200)`);
    await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "transfer_redirected"`);
    await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "transferred_at"`);
    await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "transferred_by_id"`);
    await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "transferred_to_department_id"`);
    await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "transferred_to_user_id"`);
    await queryRunner.query(`DROP TABLE "voice_presence"`);
  }
}
