import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: logins, admin and configuration changes, exports, merges and deletions. */
export class AuditLog1796560000000 implements MigrationInterface {
  name = 'AuditLog1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "action" character varying(40) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(100), "before" jsonb, "after" jsonb, "ip" character varying(60), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor_at" ON "audit_log" ("actor_id", "at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_entity" ON "audit_log" ("entity_type", "entity_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_action" ON "audit_log" ("action")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
