import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { EventsJob, JobHandler, QueueName } from '@app/queue';
import { LivePublisher } from '../live';
import { OutboundMessages } from '../notifications';
import { CategoriserService, CategoryIndex } from './categoriser.service';
import { EventFiling } from './event-filing.service';
import { InboundChannel, InboundEvent, InboundState } from './inbound-event.entity';
import { Filed, IntakeBatch } from './intake-batch';
import { InboundMessage } from './normalisers';
import { RecentIds } from './recent-ids';

/** How many of a job's own events became what (`created`, `threaded`, `failed`, …, or `stale`: filed by another job). */
export type JobOutcome = Partial<Record<Filed['kind'] | 'stale', number>>;

/**
 * Turns stored inbound events into new tickets or messages on open ones — exactly once. Each
 * job takes its own events (those stored together) and, when others are waiting, the oldest of
 * them (up to INTAKE_BATCH_SIZE), and files them in one transaction: one commit and one
 * tracking-number lock for the lot. Events are taken with SKIP LOCKED, so concurrent jobs never
 * file one twice and never wait for each other's events.
 */
@Injectable()
export class ProcessEventProcessor {
  private readonly logger = new Logger(ProcessEventProcessor.name);
  /**
   * Events a batch of this process took, in flight or filed: their own jobs have nothing left
   * to do and end without a query. (A batch that fails files each of its events again itself;
   * the events of a process that dies mid-batch are `received` again, and the sweeper brings
   * back those whose jobs had already ended.)
   */
  private readonly taken = new RecentIds(50_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: EventFiling,
    private readonly categoriser: CategoriserService,
    private readonly live: LivePublisher,
    private readonly outbox: OutboundMessages,
    private readonly config: AppConfig,
  ) {}

  /**
   * The categoriser's index is refreshed before the transaction: a rebuild must not wait for a
   * pool connection while this transaction holds one. A batch that fails as a whole (one event
   * the code cannot file, two batches deadlocked over a citizen) is filed again one event per
   * transaction, so that one event cannot hold up the others; an own event's error fails the job.
   */
  @JobHandler(QueueName.Intake, 'process-events')
  async handle({ eventIds }: EventsJob): Promise<JobOutcome> {
    const own = eventIds.filter((id) => !this.taken.has(id));
    if (own.length === 0) return { stale: eventIds.length };
    const index = await this.categoriser.current();
    const claimed: string[] = [];
    let filed: Filed[];
    try {
      filed = await this.dataSource.transaction((manager) => this.fileBatch(manager, own, this.config.INTAKE_BATCH_SIZE, index, claimed));
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
          filed.push(...(await this.dataSource.transaction((manager) => this.fileBatch(manager, [id], 1, index, []))));
        } catch (failed) {
          // Not filed after all: its next job (a re-run, the sweeper's) must not take it for done.
          this.taken.delete(id);
          if (own.includes(id)) ownError ??= failed;
          else this.logger.error({ msg: 'inbound event not filed; its own job or the sweeper retries it', eventId: id, error: (failed as Error).message });
        }
      }
      if (ownError) {
        await this.afterCommit(filed);
        throw ownError;
      }
    }
    await this.afterCommit(filed);
    return outcomeOf(eventIds, filed);
  }

  private async fileBatch(manager: EntityManager, ownIds: string[], limit: number, index: CategoryIndex, claimed: string[]): Promise<Filed[]> {
    const events = await this.claim(manager, ownIds, limit);
    claimed.push(...events.map((e) => e.id));
    for (const event of events) this.taken.add(event.id);
    const batch = new IntakeBatch();
    const readable: { event: InboundEvent; message: InboundMessage }[] = [];
    const filed: Filed[] = [];
    for (const event of events) {
      const message = await this.filing.normalise(manager, event);
      if (message) readable.push({ event, message });
      else {
        // An admin may re-run a failed event once its cause is fixed.
        this.taken.delete(event.id);
        filed.push({ kind: 'failed', eventId: event.id });
      }
    }
    // One order for every batch (by who wrote) keeps two batches from locking one citizen's rows in opposite orders.
    readable.sort((a, b) => identityKey(a.message).localeCompare(identityKey(b.message)) || a.event.receivedAt.getTime() - b.event.receivedAt.getTime());
    await this.filing.lookUpSenders(manager, batch, readable.map((r) => r.message));
    for (const { event, message } of readable) filed.push(await this.filing.file(manager, batch, event, message, index));
    await this.filing.write(manager, batch);
    return filed;
  }

  /** The job's own events first, then the oldest others waiting; events another transaction holds are skipped. One statement. */
  private async claim(manager: EntityManager, ownIds: string[], limit: number): Promise<InboundEvent[]> {
    const rows: { id: string; channel: InboundChannel; payload: Record<string, unknown>; received_at: Date }[] = await manager.query(
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
    return rows.map((r) => manager.create(InboundEvent, { id: r.id, channel: r.channel, payload: r.payload, receivedAt: r.received_at, state: InboundState.Received }));
  }

  private async afterCommit(filed: Filed[]): Promise<void> {
    await this.outbox.dispatch(filed.map((f) => (f.kind === 'created' ? f.receipt : null)));
    await Promise.all(
      filed.map((f) => {
        if (f.kind === 'survey') return f.reopened ? this.live.publish(f.reopened, 'updated') : undefined;
        if (f.kind === 'threaded') return this.live.publish(f.ticket, 'message');
        if (f.kind === 'created') return this.live.publish(f.ticket, f.ticket.routedAt ? 'routed' : 'created');
        return undefined;
      }),
    );
  }
}

function outcomeOf(eventIds: string[], filed: Filed[]): JobOutcome {
  const kinds = new Map(filed.map((f) => [f.eventId, f.kind]));
  const outcome: JobOutcome = {};
  for (const id of eventIds) {
    const kind = kinds.get(id) ?? 'stale';
    outcome[kind] = (outcome[kind] ?? 0) + 1;
  }
  return outcome;
}

function identityKey(message: InboundMessage): string {
  return `${message.identity.kind}:${message.identity.value}`;
}
