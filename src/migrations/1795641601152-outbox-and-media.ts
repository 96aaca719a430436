import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files citizens send, and the outbox of messages the municipality sends. */
export class OutboxAndMedia1795641601152 implements MigrationInterface {
  name = 'OutboxAndMedia1795641601152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "media_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(20) NOT NULL, "sha256" character(64) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "filename" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_93b4da6741cd150e76f9ac035d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_797a6d480e02c1294402e4fee9" ON "media_files"  ("sha256") `);
    await queryRunner.query(`CREATE TYPE "public"."outbound_channel" AS ENUM('sms', 'whatsapp', 'email')`);
    await queryRunner.query(`CREATE TYPE "public"."outbound_state" AS ENUM('pending', 'sending', 'sent', 'delivered', 'undelivered', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "outbound_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(200) NOT NULL, "channel" "public"."outbound_channel" NOT NULL, "recipient" character varying(200) NOT NULL, "ticket_id" uuid, "citizen_id" uuid, "user_id" uuid, "purpose" character varying(40) NOT NULL, "subject" character varying(300), "body" text NOT NULL, "meta" jsonb NOT NULL DEFAULT '{}', "state" "public"."outbound_state" NOT NULL DEFAULT 'pending', "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "provider" character varying(20), "provider_id" character varying(200), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a03db3e2f04f9f33e6daa597ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5210b42b2335951a620c677538" ON "outbound_messages"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_2d22517200f04315528776667f" ON "outbound_messages"  ("ticket_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a0d8f9046dc3e9a552dbc48da6" ON "outbound_messages"  ("provider", "provider_id") WHERE provider_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_123f97a90179b09969889bb0b2" ON "outbound_messages"  ("state", "not_before") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_123f97a90179b09969889bb0b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0d8f9046dc3e9a552dbc48da6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d22517200f04315528776667f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5210b42b2335951a620c677538"`);
    await queryRunner.query(`DROP TABLE "outbound_messages"`);
    await queryRunner.query(`DROP TYPE "public"."outbound_state"`);
    await queryRunner.query(`DROP TYPE "public"."outbound_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_797a6d480e02c1294402e4fee9"`);
    await queryRunner.query(`DROP TABLE "media_files"`);
  }
}
