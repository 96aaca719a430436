import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trained classifier's versions (with their evaluation and the model itself) and the
 * staff's category decisions it learns from, one per ticket.
 */
export class Classifier1796100000000 implements MigrationInterface {
  name = 'Classifier1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "classifier_examples" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "ticket_id" uuid NOT NULL, "category_id" uuid, "source" character varying(16) NOT NULL, "suggested_category_id" uuid, "model_version" integer, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dea0c5a40912fdd217fc9f228db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_577fc7ea459c5d5edaceeaaccc" ON "classifier_examples" ("seq")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b575786210ef493f1fae7985c4" ON "classifier_examples" ("ticket_id")`);
    await queryRunner.query(`CREATE TYPE "public"."classifier_model_state" AS ENUM('training', 'ready', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "classifier_models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" SERIAL NOT NULL, "state" "public"."classifier_model_state" NOT NULL DEFAULT 'training', "active" boolean NOT NULL DEFAULT false, "reason" character varying(20) NOT NULL, "examples_seq" bigint NOT NULL DEFAULT '0', "corpus_examples" integer NOT NULL DEFAULT '0', "staff_examples" integer NOT NULL DEFAULT '0', "threshold" real, "evaluation" jsonb, "model" bytea, "error" text, "requested_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "trained_at" TIMESTAMP WITH TIME ZONE, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_952e0676cea223e184b7761e8a2" UNIQUE ("version"), CONSTRAINT "PK_a11e8ec40bfa3774cbe24473de2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_classifier_models_training" ON "classifier_models" ("state") WHERE state = 'training'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_classifier_models_active" ON "classifier_models" ("active") WHERE active`);
    await queryRunner.query(
      `ALTER TABLE "classifier_examples" ADD CONSTRAINT "FK_b575786210ef493f1fae7985c4d" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classifier_examples" ADD CONSTRAINT "FK_64a76f9fc778a25b9665683ae78" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "classifier_examples" DROP CONSTRAINT "FK_64a76f9fc778a25b9665683ae78"`);
    await queryRunner.query(`ALTER TABLE "classifier_examples" DROP CONSTRAINT "FK_b575786210ef493f1fae7985c4d"`);
    await queryRunner.query(`DROP TABLE "classifier_models"`);
    await queryRunner.query(`DROP TYPE "public"."classifier_model_state"`);
    await queryRunner.query(`DROP TABLE "classifier_examples"`);
  }
}
