import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far each IMAP mailbox has been read (UIDVALIDITY and last UID). */
export class MailboxCursors1795641951109 implements MigrationInterface {
  name = 'MailboxCursors1795641951109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mailbox_cursors" ("mailbox" character varying(300) NOT NULL, "uid_validity" bigint NOT NULL, "last_uid" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8f9f92a52d97babd05d1599c264" PRIMARY KEY ("mailbox"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mailbox_cursors"`);
  }
}
