import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { BusinessCalendarService } from '../../sla';
import { DAILY_COUNTS, dropEmptyGroups } from './daily-counts.sql';
import { REFRESH_BATCH } from './refresh-batch.sql';
import { workPeriods } from './work-periods';

const BATCH = 10_000;
// Two batches at once keep both cores busy. They may run side by side because a ticket is in one
// batch at a time (a ticket queued again while its batch runs waits for that batch's commit) and
// the per-day counts are only ever added to, in key order.
const PARALLEL = 2;
// Any constant: only one refresh runs at a time across all processes.
export const REFRESH_LOCK = 742_031;
// How long a refresh asked for now waits, in all, for changes in flight that hold queued tickets.
const HELD_WAIT_MS = 2_000;
const HELD_LIMIT = 1_000;

/** A batch of queued tickets: any the changes in flight do not hold ($1 the batch's size), or one ticket, waiting for the change that holds it ($1 its id). */
const FREE = 'SELECT ticket_id FROM report_dirty_tickets LIMIT $1 FOR UPDATE SKIP LOCKED';
const HELD = 'SELECT ticket_id FROM report_dirty_tickets WHERE ticket_id = $1 FOR UPDATE';

/**
 * Keeps `report_ticket_facts` (one narrow row per ticket, the reports' read model) up to date,
 * and the per-day counts of the facts (`DAILY_COUNTS`: volume, subjects, outcomes, mahalleler) with
 * it, in the same transaction.
 * A trigger on `tickets` queues every changed ticket in `report_dirty_tickets`; a refresh
 * recomputes those in batches. When the business calendar changes, every ticket is requeued,
 * because its working-day durations depend on it.
 */
@Injectable()
export class ReportFacts {
  private readonly logger = new Logger(ReportFacts.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: BusinessCalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * Brings the facts up to date; returns how many tickets were recomputed, or null when another
   * refresh was running and `wait` is false (with `wait`, it waits for that one, then runs, and
   * folds the tickets that changes in flight held too: see `foldHeld`).
   */
  async refresh(wait = false): Promise<number | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (wait) await runner.query('SELECT pg_advisory_lock($1)', [REFRESH_LOCK]);
      else if (!(await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [REFRESH_LOCK]))[0].locked) return null;
      try {
        await this.syncCalendar(runner.manager);
        // Batches side by side, each in a transaction of its own; all of them end before the lock is released.
        const drained = await Promise.allSettled(Array.from({ length: PARALLEL }, () => this.drain()));
        const failed = drained.find((d) => d.status === 'rejected');
        if (failed) throw failed.reason;
        let total = drained.reduce((sum, d) => sum + (d.status === 'fulfilled' ? d.value : 0), 0);
        if (wait) total += await this.foldHeld();
        await runner.query('UPDATE report_state SET refreshed_at = now() WHERE id = 1');
        if (total) this.logger.log({ msg: 'report facts refreshed', tickets: total });
        return total;
      } catch (error) {
        this.logger.warn({ msg: 'report facts refresh failed', error: (error as Error).message });
        throw error;
      } finally {
        // A broken connection is released with its session, and the lock with it.
        if (!runner.isReleased) await runner.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /** When the facts were last brought up to date, as `source` (the primary, or the replica a report read) has them. */
  async asOf(source: DataSource = this.dataSource): Promise<Date | null> {
    const [row] = await source.query('SELECT refreshed_at FROM report_state WHERE id = 1');
    return row?.refreshed_at ?? null;
  }

  /** Refreshes batches until the queue is empty; each takes its tickets with SKIP LOCKED, so two never share one. */
  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction((manager) => this.refreshBatch(manager, FREE, BATCH));
      total += done;
      if (done < BATCH) return total;
    }
  }

  /**
   * The tickets still queued after the drain: a change in flight holds its ticket's queued row
   * until it commits, and a drain skips what is held, so a ticket queued by an earlier, committed
   * change would wait for the next refresh. A refresh asked for now (an admin's) waits for those
   * changes instead, HELD_WAIT_MS in all, and folds each ticket in a transaction of its own: it
   * holds no other queued row while it waits, so a change that touches two tickets cannot
   * deadlock with it. What is still held after the wait is left for the next refresh.
   */
  private async foldHeld(): Promise<number> {
    const held: { ticket_id: string }[] = await this.dataSource.query('SELECT ticket_id FROM report_dirty_tickets LIMIT $1', [HELD_LIMIT]);
    const until = Date.now() + HELD_WAIT_MS;
    let total = 0;
    for (const { ticket_id } of held) {
      const left = until - Date.now();
      if (left <= 0) break;
      try {
        total += await this.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = ${Math.ceil(left)}`);
          return this.refreshBatch(manager, HELD, ticket_id);
        });
      } catch (error) {
        this.logger.warn({ msg: 'report facts: a ticket held by a change is left for the next refresh', ticketId: ticket_id, error: (error as Error).message });
      }
    }
    return total;
  }

  private async refreshBatch(manager: EntityManager, claim: string, param: number | string): Promise<number> {
    const rows: { ticket_id: string }[] = await manager.query(
      // In a WITH so the driver answers with plain rows (a bare DELETE … RETURNING comes back as [rows, count]). The batch is
      // taken once (MATERIALIZED): as `IN (sub-query)` the planner, expecting one queued row, re-ran the locking scan of the
      // queue for every queued row (a minute for 9,000 rows over a million dead ones after a full build).
      `WITH batch AS MATERIALIZED (${claim}),
       taken AS (DELETE FROM report_dirty_tickets d USING batch b WHERE d.ticket_id = b.ticket_id RETURNING d.ticket_id)
       SELECT ticket_id FROM taken`,
      [param],
    );
    if (!rows.length) return 0;
    // The planner cannot estimate the CTEs and would compile the statement (seconds a batch) to run it once.
    await manager.query('SET LOCAL jit = off');
    const emptied: { counts: string; day: string }[] = await manager.query(REFRESH_BATCH, [rows.map((r) => r.ticket_id)]);
    for (const counts of DAILY_COUNTS) {
      const days = emptied.filter((e) => e.counts === counts.table).map((e) => e.day);
      if (days.length) await manager.query(dropEmptyGroups(counts), [days]);
    }
    return rows.length;
  }

  /** Rewrites the working-time table when the calendar or the years it must cover changed. */
  private async syncCalendar(manager: EntityManager): Promise<void> {
    const calendar = await this.calendars.cached(manager);
    const overrides: { date: string; kind: string }[] = await manager.query(`SELECT date::text AS date, kind FROM calendar_overrides ORDER BY date`);
    const [{ first }] = await manager.query(`SELECT extract(year FROM min(created_at) AT TIME ZONE 'Europe/Istanbul')::int AS first FROM tickets`);
    const thisYear = Number(this.clock.now().toISOString().slice(0, 4));
    const fromYear = Math.min(first ?? thisYear, thisYear);
    const until = `${thisYear + 2}-12-31`;
    const signature = JSON.stringify({ hours: calendar.workingHours, overrides, fromYear });
    const [state] = await manager.query('SELECT calendar_signature, periods_until::text AS until FROM report_state WHERE id = 1');
    if (state?.calendar_signature === signature && state.until >= until) return;
    const periods = workPeriods(calendar, `${fromYear}-01-01`, until);
    await manager.transaction(async (tx) => {
      await tx.query('DELETE FROM report_work_periods');
      await tx.query(`INSERT INTO report_work_periods (start_at, minutes, cum_minutes) SELECT * FROM unnest($1::timestamptz[], $2::float8[], $3::float8[])`, [
        periods.startAt,
        periods.minutes,
        periods.cumMinutes,
      ]);
      await tx.query(
        `INSERT INTO report_state (id, calendar_signature, periods_until) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET calendar_signature = $1, periods_until = $2`,
        [signature, until],
      );
      // Only a different calendar changes durations already computed; more years ahead do not.
      if (state?.calendar_signature !== signature) {
        await tx.query('INSERT INTO report_dirty_tickets (ticket_id) SELECT id FROM tickets ON CONFLICT DO NOTHING');
      }
    });
  }
}
