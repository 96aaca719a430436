import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored file belongs to the ticket whose timeline carries it, and is read only by those who
 * may read that ticket. Files already on timelines are linked from their entries' media URLs.
 */
export class MediaTicketLink1796000200000 implements MigrationInterface {
  name = 'MediaTicketLink1796000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_files" ADD "ticket_id" uuid`);
    await queryRunner.query(
      `UPDATE media_files m SET ticket_id = linked.ticket_id
         FROM (SELECT DISTINCT ON (substring(x->>'url' from '/api/v1/media/(.*)$')) substring(x->>'url' from '/api/v1/media/(.*)$') AS media_id, e.ticket_id
                 FROM ticket_events e, jsonb_array_elements(CASE WHEN jsonb_typeof(e.data->'media') = 'array' THEN e.data->'media' ELSE '[]'::jsonb END) x
                WHERE x->>'url' LIKE '/api/v1/media/%'
                ORDER BY substring(x->>'url' from '/api/v1/media/(.*)$'), e.seq) linked
        WHERE m.id::text = linked.media_id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_files" DROP COLUMN "ticket_id"`);
  }
}
