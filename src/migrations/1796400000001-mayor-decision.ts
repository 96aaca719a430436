import { MigrationInterface, QueryRunner } from 'typeorm';

/** A request to meet the mayor put before the mayor, and the answer: approved or declined with a note. */
export class MayorDecision1796400000001 implements MigrationInterface {
  name = 'MayorDecision1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointments" ADD "forwarded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "forwarded_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "forward_note" text`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "mayor_decision" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "mayor_note" text`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "appointments" ADD "decided_by_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['decided_by_id', 'decided_at', 'mayor_note', 'mayor_decision', 'forward_note', 'forwarded_by_id', 'forwarded_at'])
      await queryRunner.query(`ALTER TABLE "appointments" DROP COLUMN "${column}"`);
  }
}
