import { MigrationInterface, QueryRunner } from 'typeorm';

/** The municipality's own wording of citizen notices. */
export class NoticeTemplates1795644356231 implements MigrationInterface {
  name = 'NoticeTemplates1795644356231';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" character varying(20) NOT NULL, "locale" character varying(2) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_325ea8463c5d4b145ff0e5297c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_560c781dc2eea49d21d87a161b" ON "notice_templates"  ("purpose", "locale") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_560c781dc2eea49d21d87a161b"`);
    await queryRunner.query(`DROP TABLE "notice_templates"`);
  }
}
