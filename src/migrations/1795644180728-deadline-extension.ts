import { MigrationInterface, QueryRunner } from 'typeorm';

/** The timeline entry of a Law 4982 deadline extension. */
export class DeadlineExtension1795644180728 implements MigrationInterface {
  name = 'DeadlineExtension1795644180728';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'deadline_extended'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type_old" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated', 'routed', 'returned', 'duplicate_suspected', 'duplicate_dismissed', 'deadline_paused', 'deadline_resumed', 'escalated', 'survey_answered')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ALTER COLUMN "type" TYPE "public"."ticket_event_type_old" USING "type"::"text"::"public"."ticket_event_type_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type_old" RENAME TO "ticket_event_type"`);
  }
}
