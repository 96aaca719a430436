import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact an application came with (the name, phone and e-mail the citizen gave on it, or
 * the staff member typed), which is all a department sees of the citizen. Existing tickets take
 * their citizen's record as it is now; the reports' read model does not hold these columns, so
 * its trigger sits the backfill out.
 */
export class TicketContact1796000300000 implements MigrationInterface {
  name = 'TicketContact1796000300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tickets" ADD "contact_name" character varying(160)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "contact_phone" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "contact_email" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "tickets" DISABLE TRIGGER "tickets_report_dirty"`);
    await queryRunner.query(
      `UPDATE tickets t SET contact_name = c.full_name, contact_phone = c.phone, contact_email = c.email FROM citizens c WHERE c.id = t.citizen_id`,
    );
    await queryRunner.query(`ALTER TABLE "tickets" ENABLE TRIGGER "tickets_report_dirty"`);
    await queryRunner.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "citizen_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pii_access_log" ALTER COLUMN "citizen_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "contact_email"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "contact_phone"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "contact_name"`);
  }
}
