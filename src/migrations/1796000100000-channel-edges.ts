import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing lost at the channels' edges: a WhatsApp file the Graph API could not give at once is a
 * row the sweeper retries from, with its `attachment` timeline entries; voicemails filed before
 * their calls were linked get their tickets on the call log.
 */
export class ChannelEdges1796000100000 implements MigrationInterface {
  name = 'ChannelEdges1796000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE 'attachment'`);
    await queryRunner.query(
      `CREATE TABLE "whatsapp_media_fetches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "media_ref" character varying(200) NOT NULL, "content_type" character varying(100), "filename" character varying(200), "state" character varying(10) NOT NULL DEFAULT 'pending', "attempts" smallint NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "media_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_055cd7336576d7d9f0f6064bca7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_whatsapp_media_fetches_event" ON "whatsapp_media_fetches" ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_whatsapp_media_fetches_due" ON "whatsapp_media_fetches" ("next_attempt_at") WHERE state = 'pending'`);
    await queryRunner.query(
      `UPDATE call_logs c SET ticket_id = e.ticket_id
         FROM inbound_events e
        WHERE e.channel = 'phone' AND e.provider_id = c.call_sid || '-voicemail' AND e.ticket_id IS NOT NULL AND c.ticket_id IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_media_fetches_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_media_fetches_event"`);
    await queryRunner.query(`DROP TABLE "whatsapp_media_fetches"`);
    await queryRunner.query(`DELETE FROM "ticket_events" WHERE "type" = 'attachment'`);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type_old" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated', 'routed', 'returned', 'duplicate_suspected', 'duplicate_dismissed', 'deadline_paused', 'deadline_resumed', 'escalated', 'survey_answered', 'deadline_extended')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ALTER COLUMN "type" TYPE "public"."ticket_event_type_old" USING "type"::"text"::"public"."ticket_event_type_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type_old" RENAME TO "ticket_event_type"`);
  }
}
