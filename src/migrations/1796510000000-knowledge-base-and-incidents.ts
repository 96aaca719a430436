import { MigrationInterface, QueryRunner } from 'typeorm';

/** The bilgi bankası (articles and the tickets they answered) and incidents with their linked tickets. */

export class KnowledgeBaseAndIncidents1796510000000 implements MigrationInterface {
  name = 'KnowledgeBaseAndIncidents1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "knowledge_articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(160) NOT NULL, "body" text NOT NULL, "category_id" uuid NOT NULL, "department_id" uuid NOT NULL, "valid_until" date, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4dff86fc9e08f53fe1d4cfe5fb1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6e48199ec8641f652011ecb385" ON "knowledge_articles"  ("category_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_27d6ba0d4d149f7c9ffcdbfbb8" ON "knowledge_articles"  ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "knowledge_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "channel" character varying(20) NOT NULL, "user_id" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b304c47e95aaf7748d185116bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_64cf5322a56f468a6e497aba02" ON "knowledge_answers"  ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a4134fee160359acdd238e0a8d" ON "knowledge_answers"  ("article_id", "answered_at") `);
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(160) NOT NULL, "description" text NOT NULL, "search_text" text NOT NULL, "category_id" uuid NOT NULL, "department_id" uuid NOT NULL, "mahalle_ids" uuid array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "answer_text" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_id" uuid, "answered_by_name" character varying(120), "answers_done_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_913e0459bbc3867f6ffa776519" ON "incidents"  ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "incident_tickets" ("ticket_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "linked_by_id" uuid, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bdbcf29131923f7f6dfd2595fa2" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_27e68ba6f92ef453d611cc778e" ON "incident_tickets"  ("incident_id", "linked_at") `);
    await queryRunner.query(
      `ALTER TABLE "knowledge_articles" ADD CONSTRAINT "FK_6e48199ec8641f652011ecb3857" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_articles" ADD CONSTRAINT "FK_27d6ba0d4d149f7c9ffcdbfbb80" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_answers" ADD CONSTRAINT "FK_ce0fe81e84f7f68193c6365af61" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_a97ec2e83cd4ac94439e6d9ca57" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_913e0459bbc3867f6ffa776519e" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_tickets" ADD CONSTRAINT "FK_bdbcf29131923f7f6dfd2595fa2" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_tickets" ADD CONSTRAINT "FK_992bc82b2c92c88b9cc375865b0" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_tickets" DROP CONSTRAINT "FK_992bc82b2c92c88b9cc375865b0"`);
    await queryRunner.query(`ALTER TABLE "incident_tickets" DROP CONSTRAINT "FK_bdbcf29131923f7f6dfd2595fa2"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_913e0459bbc3867f6ffa776519e"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_a97ec2e83cd4ac94439e6d9ca57"`);
    await queryRunner.query(`ALTER TABLE "knowledge_answers" DROP CONSTRAINT "FK_ce0fe81e84f7f68193c6365af61"`);
    await queryRunner.query(`ALTER TABLE "knowledge_articles" DROP CONSTRAINT "FK_27d6ba0d4d149f7c9ffcdbfbb80"`);
    await queryRunner.query(`ALTER TABLE "knowledge_articles" DROP CONSTRAINT "FK_6e48199ec8641f652011ecb3857"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27e68ba6f92ef453d611cc778e"`);
    await queryRunner.query(`DROP TABLE "incident_tickets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_913e0459bbc3867f6ffa776519"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4134fee160359acdd238e0a8d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64cf5322a56f468a6e497aba02"`);
    await queryRunner.query(`DROP TABLE "knowledge_answers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27d6ba0d4d149f7c9ffcdbfbb8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e48199ec8641f652011ecb385"`);
    await queryRunner.query(`DROP TABLE "knowledge_articles"`);
  }
}
