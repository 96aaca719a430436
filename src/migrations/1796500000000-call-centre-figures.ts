import { MigrationInterface, QueryRunner } from 'typeorm';

/** The call-centre figures: a call's wait and Twilio's queue events on the call log, and the agents' state transitions. */
export class CallCentreFigures1796500000000 implements MigrationInterface {
  name = 'CallCentreFigures1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "offered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "answered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "wait_ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "queue_seconds" integer`);
    await queryRunner.query(`ALTER TABLE "call_logs" ADD "queue_result" character varying(30)`);
    await queryRunner.query(`CREATE INDEX "IDX_call_logs_offered_at" ON "call_logs" ("offered_at")`);
    await queryRunner.query(
      `CREATE TABLE "agent_state_changes" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "state" character varying(20) NOT NULL, "source" character varying(10) NOT NULL, "call_sid" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_agent_state_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_agent_state_changes_user_at" ON "agent_state_changes" ("user_id", "at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "agent_state_changes"`);
    await queryRunner.query(`DROP INDEX "IDX_call_logs_offered_at"`);
    for (const column of ['queue_result', 'queue_seconds', 'wait_ended_at', 'answered_at', 'offered_at']) {
      await queryRunner.query(`ALTER TABLE "call_logs" DROP COLUMN "${column}"`);
    }
  }
}
