import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: logins, admin and configuration changes, exports, merges and deletions. */
export class AuditLog1796560000000 implements MigrationInterface {
  name = 'AuditLog1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "action" character varying(40) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(100), "before" jsonb, "after" jsonb, "ip" character varying(60), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at")`);
    await queryRunner.query(`CREATE INDEX "IDX_c7d3ae3160ef4430133acbe742" ON "audit_log" ("actor_id", "at")`);
    await queryRunner.query(`CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log" ("entity_type", "entity_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_951e6339a77994dfbad976b35c" ON "audit_log" ("action")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
