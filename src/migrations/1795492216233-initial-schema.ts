import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795492216233 implements MigrationInterface {
  name = 'InitialSchema1795492216233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TYPE "public"."department_level" AS ENUM('baskanlik', 'baskan_yardimciligi', 'mudurluk')`);
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(160) NOT NULL, "level" "public"."department_level" NOT NULL, "parent_id" uuid, "manager_user_id" uuid, "email" character varying(200), "phone" character varying(20), "escalation_contacts" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91fddbe23e927e1e525c152baa" ON "departments"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_700b0b13f494cb37b6ca929e79" ON "departments"  ("parent_id") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('agent', 'supervisor', 'department_staff', 'department_manager', 'executive', 'admin')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(60) NOT NULL, "full_name" character varying(120) NOT NULL, "email" character varying(200), "phone" character varying(20), "role" "public"."user_role" NOT NULL, "department_id" uuid, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "available" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users"  ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_0921d1972cf861d568f5271cd8" ON "users"  ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "citizens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" character varying(160), "phone" character varying(20), "email" character varying(200), "tc_kimlik_hash" character(64), "tc_kimlik_last2" character(2), "contact_consent" boolean NOT NULL DEFAULT false, "marketing_consent" boolean NOT NULL DEFAULT false, "consent_recorded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_125518d98ee3b4cf52b8ab14a43" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a63b98822bed1472d82b20cc6f" ON "citizens"  ("phone") `);
    await queryRunner.query(`CREATE INDEX "IDX_2d529ef4eff9ea054ead88cf8e" ON "citizens"  ("tc_kimlik_hash") `);
    await queryRunner.query(`CREATE TYPE "public"."identity_kind" AS ENUM('phone', 'whatsapp', 'email')`);
    await queryRunner.query(
      `CREATE TABLE "citizen_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "kind" "public"."identity_kind" NOT NULL, "value" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5146787a490e62fff86a72d28f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7fba86c469b30ccc9a1e3c5744" ON "citizen_identities"  ("citizen_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7ce2b657231915b52c32901bfb" ON "citizen_identities"  ("kind", "value") `);
    await queryRunner.query(
      `CREATE TABLE "mahalleler" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(120) NOT NULL, "muhtar_name" character varying(120), "muhtar_phone" character varying(20), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_84860fe2c66e009614b4f389bec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6a59bce99438dcc004b7c0f537" ON "mahalleler"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "pii_access_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" character varying(200) NOT NULL, "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b5448828374f1904a07fc0842cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d698ac8ee85ce21ce585674ede" ON "pii_access_log"  ("citizen_id") `);
    await queryRunner.query(
      `CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "phone" character varying(40), "website" character varying(200), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3617f5ad52593fd4355b38d03a" ON "institutions"  ("code") `);
    await queryRunner.query(`CREATE TYPE "public"."legal_basis" AS ENUM('law_3071', 'law_4982', 'kvkk', 'internal')`);
    await queryRunner.query(`CREATE TYPE "public"."duration_unit" AS ENUM('calendar_days', 'working_days', 'working_hours')`);
    await queryRunner.query(
      `CREATE TABLE "deadline_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "name" character varying(160) NOT NULL, "legal_basis" "public"."legal_basis" NOT NULL, "first_response_amount" integer, "first_response_unit" "public"."duration_unit", "resolution_amount" integer NOT NULL, "resolution_unit" "public"."duration_unit" NOT NULL, "warning_ratio" numeric(4,3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7925ceae3f58679ed2501c65274" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1a974a74d67ddb635ea5b7d30f" ON "deadline_policies"  ("code") `);
    await queryRunner.query(`CREATE TYPE "public"."ticket_kind" AS ENUM('sikayet', 'talep', 'oneri', 'bilgi_edinme', 'ihbar', 'tesekkur')`);
    await queryRunner.query(`CREATE TYPE "public"."ticket_priority" AS ENUM('low', 'normal', 'high', 'urgent')`);
    await queryRunner.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_code" character varying(40) NOT NULL, "name" character varying(160) NOT NULL, "kind" "public"."ticket_kind" NOT NULL, "default_department_id" uuid, "refer_to_institution_id" uuid, "deadline_policy_id" uuid, "default_priority" "public"."ticket_priority" NOT NULL DEFAULT 'normal', "keywords" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6feff0eca2b9520aeeb0376fe8" ON "categories"  ("service_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_d00ce8ea7a61b5266e8024bd4f" ON "categories"  ("default_department_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_channel" AS ENUM('phone', 'sms', 'whatsapp', 'web', 'email', 'walk_in', 'field_team', 'muhtar', 'cimer')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_status" AS ENUM('new', 'assigned', 'in_progress', 'waiting_for_citizen', 'answered', 'closed', 'rejected', 'referred', 'reopened', 'merged')`,
    );
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tracking_no" character varying(20) NOT NULL, "kind" "public"."ticket_kind" NOT NULL, "channel" "public"."ticket_channel" NOT NULL, "status" "public"."ticket_status" NOT NULL DEFAULT 'new', "priority" "public"."ticket_priority" NOT NULL DEFAULT 'normal', "category_id" uuid, "department_id" uuid, "assignee_id" uuid, "citizen_id" uuid NOT NULL, "mahalle_id" uuid, "address" character varying(500), "latitude" double precision, "longitude" double precision, "legal_basis" "public"."legal_basis" NOT NULL, "external_ref" character varying(60), "subject" character varying(200) NOT NULL, "description" text NOT NULL, "deadline_policy_id" uuid, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "resolution_due_at" TIMESTAMP WITH TIME ZONE, "first_responded_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "resolution" character varying(30), "resolution_note" text, "referred_to_institution_id" uuid, "merged_into_id" uuid, "search_text" text NOT NULL, "created_by_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ab67e9298afc9df66c7fa9e495" ON "tickets"  ("tracking_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_5ba5bfddbcd6c09a13c13f33c6" ON "tickets"  ("channel") `);
    await queryRunner.query(`CREATE INDEX "IDX_32a7f0e4e32a46a094b55f7c25" ON "tickets"  ("category_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dff6e2b44c9b5e177114588772" ON "tickets"  ("assignee_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5bdace5b63a9658cd0dfb6c407" ON "tickets"  ("citizen_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6a2370a644e3445dc729b7e21d" ON "tickets"  ("mahalle_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_09a4d6db964c6b6ce11f8f1d92" ON "tickets"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f356057358fff84922016e9890" ON "tickets"  ("status", "resolution_due_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_67bd7ec51d9de73c31d29d3377" ON "tickets"  ("department_id", "status", "created_at") `);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type" AS ENUM('created', 'message_in', 'reply_out', 'internal_note', 'assigned', 'transferred', 'status_changed', 'merged', 'updated')`,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "type" "public"."ticket_event_type" NOT NULL, "actor_id" uuid, "actor_name" character varying(160), "body" text, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d61d07653b492eca67f9bad8ec2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e03aa7fc4bf3d20d3459efa6f" ON "ticket_events"  ("ticket_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_sequences" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_4f0d57a0446d579f8d284036e8f" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "citizen_identities" ADD CONSTRAINT "FK_7fba86c469b30ccc9a1e3c57443" FOREIGN KEY ("citizen_id") REFERENCES "citizens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_d00ce8ea7a61b5266e8024bd4fa" FOREIGN KEY ("default_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_53ac116bc64ec1cf4bd612a7763" FOREIGN KEY ("refer_to_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_f02f1e4e1152380fed9c84a8ca6" FOREIGN KEY ("deadline_policy_id") REFERENCES "deadline_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_32a7f0e4e32a46a094b55f7c25c" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_fb1d03aa5fffa0e5ca41873a00a" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_5bdace5b63a9658cd0dfb6c407e" FOREIGN KEY ("citizen_id") REFERENCES "citizens"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_6a2370a644e3445dc729b7e21d3" FOREIGN KEY ("mahalle_id") REFERENCES "mahalleler"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_9cf43c4478294faa98129c47c21" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "idx_tickets_search_trgm" ON "tickets" USING gin ("search_text" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_9cf43c4478294faa98129c47c21"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_6a2370a644e3445dc729b7e21d3"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_5bdace5b63a9658cd0dfb6c407e"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_dff6e2b44c9b5e177114588772f"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_fb1d03aa5fffa0e5ca41873a00a"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_32a7f0e4e32a46a094b55f7c25c"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "FK_f02f1e4e1152380fed9c84a8ca6"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "FK_53ac116bc64ec1cf4bd612a7763"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "FK_d00ce8ea7a61b5266e8024bd4fa"`);
    await queryRunner.query(`ALTER TABLE "citizen_identities" DROP CONSTRAINT "FK_7fba86c469b30ccc9a1e3c57443"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b"`);
    await queryRunner.query(`DROP TABLE "ticket_sequences"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e03aa7fc4bf3d20d3459efa6f"`);
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_event_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_67bd7ec51d9de73c31d29d3377"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f356057358fff84922016e9890"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09a4d6db964c6b6ce11f8f1d92"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a2370a644e3445dc729b7e21d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5bdace5b63a9658cd0dfb6c407"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dff6e2b44c9b5e177114588772"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32a7f0e4e32a46a094b55f7c25"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ba5bfddbcd6c09a13c13f33c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab67e9298afc9df66c7fa9e495"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP TYPE "public"."legal_basis"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_priority"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_status"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_channel"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d00ce8ea7a61b5266e8024bd4f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6feff0eca2b9520aeeb0376fe8"`);
    await queryRunner.query(`DROP TABLE "categories"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1a974a74d67ddb635ea5b7d30f"`);
    await queryRunner.query(`DROP TABLE "deadline_policies"`);
    await queryRunner.query(`DROP TYPE "public"."duration_unit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3617f5ad52593fd4355b38d03a"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d698ac8ee85ce21ce585674ede"`);
    await queryRunner.query(`DROP TABLE "pii_access_log"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a59bce99438dcc004b7c0f537"`);
    await queryRunner.query(`DROP TABLE "mahalleler"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ce2b657231915b52c32901bfb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7fba86c469b30ccc9a1e3c5744"`);
    await queryRunner.query(`DROP TABLE "citizen_identities"`);
    await queryRunner.query(`DROP TYPE "public"."identity_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d529ef4eff9ea054ead88cf8e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a63b98822bed1472d82b20cc6f"`);
    await queryRunner.query(`DROP TABLE "citizens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0921d1972cf861d568f5271cd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_700b0b13f494cb37b6ca929e79"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91fddbe23e927e1e525c152baa"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP TYPE "public"."department_level"`);
  }
}
