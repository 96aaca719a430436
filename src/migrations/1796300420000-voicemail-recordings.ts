import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voicemails' recordings copied from Twilio to their tickets' files: a row per recording, the
 * retry schedule of the copy. Voicemails filed before keep only Twilio's URL on the call log.
 */
export class VoicemailRecordings1796300420000 implements MigrationInterface {
  name = 'VoicemailRecordings1796300420000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "voicemail_recordings" ("call_sid" character varying(64) NOT NULL, "ticket_id" uuid NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "media_id" uuid, "last_error" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b1b20409fac7793c786c22e183" PRIMARY KEY ("call_sid"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8430ed027ccae2cbb6a25a1b41" ON "voicemail_recordings" ("state", "next_attempt_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8430ed027ccae2cbb6a25a1b41"`);
    await queryRunner.query(`DROP TABLE "voicemail_recordings"`);
  }
}
