import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, withTimeout } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';

const BATCH = 5000;
const NOTIFY_CHUNK = 500;
// Batches written side by side when many steps fall due at once: each is its own transaction
// on its own connection, so PostgreSQL works on them with more than one core.
const LANES = 2;

/**
 * Takes the next step of the ladder for every timer whose `next_at` has come, thousands per
 * statement: the due timers are locked (found again by their row address, not the primary key),
 * stepped, and their escalations inserted, in one statement. The timers are narrow rows of their
 * own (`sla_timers`), so a burst writes few pages and never the clocks' wide ones. Workers tick
 * concurrently: SKIP LOCKED splits the due timers between them, and the unique (clock, level)
 * index makes every step happen once however often timers fire. The subjects' timeline entries
 * are written by the notify step (`EscalationSubject.afterNotified`), which holds the subject's
 * row anyway.
 */
export const FIRE_DUE_STEPS = `
  WITH due AS (
    SELECT ctid, next_at FROM sla_timers WHERE next_at <= $1 ORDER BY next_at LIMIT $2 FOR UPDATE SKIP LOCKED
  ), stepped AS (
    UPDATE sla_timers t
       SET level = t.next_level,
           next_level = CASE WHEN t.next_level < 2 THEN 2 WHEN t.next_level = 2 AND t.further_at IS NOT NULL THEN 3 END,
           next_at = CASE WHEN t.next_level < 2 THEN t.due_at WHEN t.next_level = 2 THEN t.further_at END
      FROM due WHERE t.ctid = due.ctid
    RETURNING t.clock_id, t.subject_type, t.subject_id, t.level, due.next_at AS due_at
  )
  INSERT INTO escalations (clock_id, subject_type, subject_id, level, due_at, fired_at)
  SELECT clock_id, subject_type, subject_id, level, due_at, $1 FROM stepped
  ON CONFLICT (clock_id, level) DO NOTHING
  RETURNING id`;

/**
 * Set for the timer's transaction. The planner estimates from statistics that few timers are due
 * at any moment, and then prefers a bitmap scan of `IDX_sla_timers_next_at` followed by a sort:
 * that reads every due timer's row to return the first 5,000, so a burst of 100,000 read about a
 * million rows over its twenty batches (one lane at ten million tickets, 2026-12-07: 21–23 s with
 * the bitmap, 12.6–12.8 s with the index read in order, which stops at the batch's end).
 */
export const FIRE_DUE_STEPS_PLAN = 'SET LOCAL enable_bitmapscan = off';

@Injectable()
export class SlaTicker extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Sla) private readonly queue: JobQueue<QueueName.Sla>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  protected override intervalMs(): number {
    return this.config.SLA_TICK_MS;
  }

  /**
   * Fires everything due now, batch after batch in each lane, then hands the steps to the notify
   * queue: notify jobs started during a burst would take the cores from the rest of it, and a
   * committed step is safe (the escalation sweeper re-enqueues one whose job never came).
   */
  async sweep(): Promise<number> {
    const fired: string[] = [];
    try {
      await Promise.all(
        Array.from({ length: LANES }, async () => {
          for (;;) {
            const ids = await this.fireBatch();
            fired.push(...ids);
            if (ids.length < BATCH) return;
          }
        }),
      );
    } finally {
      await enqueueNotify(this.queue, fired, '');
    }
    return fired.length;
  }

  private fireBatch(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(FIRE_DUE_STEPS_PLAN);
      const rows: { id: string }[] = await manager.query(FIRE_DUE_STEPS, [this.clock.now(), BATCH]);
      return rows.map((r) => r.id);
    });
  }
}

/** One notify job per chunk of escalations; the escalation sweeper re-enqueues a lost one. */
export async function enqueueNotify(queue: JobQueue<QueueName.Sla>, escalationIds: string[], suffix: string): Promise<void> {
  if (!escalationIds.length) return;
  const jobs = [];
  for (let i = 0; i < escalationIds.length; i += NOTIFY_CHUNK) {
    const chunk = escalationIds.slice(i, i + NOTIFY_CHUNK);
    jobs.push({ name: 'notify-escalations' as const, data: { escalationIds: chunk }, opts: { jobId: `escalations-${chunk[0]}${suffix}` } });
  }
  try {
    await withTimeout(queue.addBulk(jobs), 2000);
  } catch {
    // Committed escalations without messages are found again by the escalation sweeper.
  }
}
