import { MigrationInterface, QueryRunner } from 'typeorm';

type Queueing = (table: string, id: string) => string;
// Takes the queue's row when it is there already (the WHERE leaves it unchanged, the lock is kept).
const LOCKING: Queueing = (table, id) =>
  `INSERT INTO ${table} (ticket_id) VALUES (${id}) ON CONFLICT (ticket_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id WHERE false`;
const IGNORING: Queueing = (table, id) => `INSERT INTO ${table} (ticket_id) VALUES (${id}) ON CONFLICT DO NOTHING`;

/** The two queueing triggers' functions, queueing as `queue` does. */
async function replaceTriggers(queryRunner: QueryRunner, queue: Queueing): Promise<void> {
  await queryRunner.query(`CREATE OR REPLACE FUNCTION report_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN ${queue('report_dirty_tickets', 'NEW.id')}; RETURN NULL; END $$`);
  await queryRunner.query(`CREATE OR REPLACE FUNCTION report_mark_escalated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${queue('report_dirty_tickets', 'NEW.subject_id')};
      ${queue('report_escalated_tickets', 'NEW.subject_id')};
      RETURN NULL;
    END $$`);
}

/**
 * The read model's queues lost a change when it came while a refresh was taking the ticket. The
 * triggers queued a changed ticket with `ON CONFLICT DO NOTHING`: when the ticket was queued
 * already, nothing was written and nothing locked, so a refresh could take the queued row and read
 * the ticket (or its escalations) as it was before the change, which was not committed yet, and
 * delete the row; the change then committed with nothing left in the queue, and the ticket's
 * facts stayed stale until it changed again (a breach told while its ticket was being refreshed
 * went uncounted). The triggers now lock the queued row: a refresh skips it (`SKIP LOCKED`) until
 * the change commits, and a change that meets a row a refresh is taking waits for that refresh and
 * queues the ticket again. A told step queues the ticket for the refresh before the told queue, so
 * that a refresh taking the ticket never waits for a told row the step holds.
 */
export class ReportQueuesLocked1796800000000 implements MigrationInterface {
  name = 'ReportQueuesLocked1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await replaceTriggers(queryRunner, LOCKING);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replaceTriggers(queryRunner, IGNORING);
  }
}
