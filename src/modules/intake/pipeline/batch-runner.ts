import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Metrics } from '@app/common';
import { AppConfig } from '@app/config';
import { queryPrepared } from '@app/database';
import { InboundChannel, InboundEvent, InboundState } from '../inbound-event.entity';
import { RecentIds } from './recent-ids';

/** What one event came to; `failed` events (unreadable) are left for an admin to re-run. */
export interface FiledOutcome {
  eventId: string;
  kind: string;
}

/** The rules that turn claimed events into tickets; the runner knows nothing of them. */
export interface BatchFiling<C, R extends FiledOutcome> {
  /** Before the transaction: what a batch reads but must not rebuild while holding a connection. */
  prepare(): Promise<C>;
  /** Files the claimed events inside the batch's transaction. */
  file(manager: EntityManager, events: InboundEvent[], context: C): Promise<R[]>;
  /** After the commit: the news the filing produced (messages to send, live events). */
  afterCommit(results: R[]): Promise<void>;
}

/**
 * The throughput mechanics of intake: a job takes its own events (those stored together) and,
 * when others are waiting, the oldest of them (up to INTAKE_BATCH_SIZE), and files them in one
 * transaction — one commit, one tracking-number lock for the lot. Events are taken with SKIP
 * LOCKED, so concurrent jobs never file one twice nor wait for each other's events. A batch
 * that fails as a whole (one event the rules cannot file, two batches deadlocked over a
 * citizen) is filed again one event per transaction, so one event cannot hold up the others;
 * an own event's error fails the job, which BullMQ retries.
 */
@Injectable()
export class IntakeBatchRunner {
  private readonly logger = new Logger(IntakeBatchRunner.name);
  /**
   * Events a batch of this process took, in flight or filed: their own jobs have nothing left
   * to do and end without a query. (A batch that fails files each of its events again itself;
   * the events of a process that dies mid-batch are `received` again, and the sweeper brings
   * back those whose jobs had already ended.)
   */
  private readonly taken = new RecentIds(50_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** Files the job's events (and others waiting); null when every one was taken by another job already. */
  async run<C, R extends FiledOutcome>(eventIds: string[], filing: BatchFiling<C, R>): Promise<R[] | null> {
    const own = eventIds.filter((id) => !this.taken.has(id));
    if (own.length === 0) return null;
    const context = await filing.prepare();
    const claimed: string[] = [];
    const received = new Map<string, InboundEvent>();
    let filed: R[];
    try {
      filed = await this.dataSource.transaction((manager) => this.batch(manager, own, this.config.INTAKE_BATCH_SIZE, filing, context, claimed, received));
    } catch (error) {
      if (claimed.length <= 1) {
        claimed.forEach((id) => this.taken.delete(id));
        throw error;
      }
      this.logger.warn({ msg: 'intake batch failed; filing its events one by one', events: claimed.length, error: (error as Error).message });
      filed = [];
      let ownError: unknown = null;
      for (const id of claimed) {
        try {
          filed.push(...(await this.dataSource.transaction((manager) => this.batch(manager, [id], 1, filing, context, [], received))));
        } catch (failed) {
          // Not filed after all: its next job (a re-run, the sweeper's) must not take it for done.
          this.taken.delete(id);
          if (own.includes(id)) ownError ??= failed;
          else this.logger.error({ msg: 'inbound event not filed; its own job or the sweeper retries it', eventId: id, error: (failed as Error).message });
        }
      }
      if (ownError) {
        await this.committed(filing, filed, received);
        throw ownError;
      }
    }
    await this.committed(filing, filed, received);
    return filed;
  }

  /** After the commit: the filing's news, and each event's time from receipt to the inbox. */
  private async committed<R extends FiledOutcome>(filing: BatchFiling<unknown, R>, filed: R[], received: Map<string, InboundEvent>): Promise<void> {
    const now = Date.now();
    for (const f of filed) {
      const event = received.get(f.eventId);
      if (!event) continue;
      this.metrics.eventsFiled.inc({ channel: event.channel, outcome: f.kind });
      if (f.kind !== 'failed') this.metrics.intakeLatency.observe({ channel: event.channel }, (now - event.receivedAt.getTime()) / 1000);
    }
    await filing.afterCommit(filed);
  }

  private async batch<C, R extends FiledOutcome>(
    manager: EntityManager,
    ownIds: string[],
    limit: number,
    filing: BatchFiling<C, R>,
    context: C,
    claimed: string[],
    received: Map<string, InboundEvent>,
  ): Promise<R[]> {
    const events = await this.claim(manager, ownIds, limit);
    claimed.push(...events.map((e) => e.id));
    for (const event of events) received.set(event.id, event);
    for (const event of events) this.taken.add(event.id);
    const filed = await filing.file(manager, events, context);
    // An admin may re-run a failed event once its cause is fixed.
    for (const f of filed) if (f.kind === 'failed') this.taken.delete(f.eventId);
    return filed;
  }

  /** The job's own events first, then the oldest others waiting; events another transaction holds are skipped. One statement. */
  private async claim(manager: EntityManager, ownIds: string[], limit: number): Promise<InboundEvent[]> {
    const rows = await queryPrepared<{ id: string; channel: InboundChannel; payload: Record<string, unknown>; received_at: Date }[]>(
      manager,
      `WITH own AS (
         SELECT id FROM inbound_events WHERE id = ANY($1::uuid[]) AND state = 'received' FOR UPDATE SKIP LOCKED
       ), others AS (
         SELECT id FROM inbound_events WHERE state = 'received' AND id <> ALL($1::uuid[])
          ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       SELECT e.id, e.channel, e.payload, e.received_at FROM inbound_events e
        WHERE e.id IN (SELECT id FROM own UNION ALL SELECT id FROM others)
        ORDER BY e.id = ANY($1::uuid[]) DESC, e.received_at`,
      [ownIds, Math.max(0, limit - ownIds.length)],
    );
    // Built by hand, as a drafted ticket is: TypeORM's `create` walks the entity's metadata for each.
    return rows.map((r) =>
      Object.assign(new InboundEvent(), { id: r.id, channel: r.channel, payload: r.payload, receivedAt: r.received_at, state: InboundState.Received }),
    );
  }
}
