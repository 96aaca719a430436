import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, timeOrderedId, withTimeout } from '@app/common';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { OUTBOUND_STATE_RANK, OutboundChannel, OutboundMessage, OutboundState } from './outbound-message.entity';

export interface MessageIntent {
  dedupeKey: string;
  channel: OutboundChannel;
  recipient: string;
  purpose: string;
  body: string;
  subject?: string | null;
  ticketId?: string | null;
  citizenId?: string | null;
  userId?: string | null;
  meta?: Record<string, unknown>;
  notBefore?: Date;
}

export const SEND_JOB_SIZE = 500;

/**
 * The `send-messages` jobs for these messages: those due at the same moment together, in
 * chunks of SEND_JOB_SIZE. A job is named after its first message's attempt and time, so a
 * new attempt or a new time is a new job; `suffix` sets apart a deliberate re-run.
 */
export function sendJobs(messages: Pick<OutboundMessage, 'id' | 'attempts' | 'notBefore'>[], suffix: string) {
  const byTime = new Map<number, typeof messages>();
  for (const m of messages) {
    const group = byTime.get(m.notBefore.getTime());
    if (group) group.push(m);
    else byTime.set(m.notBefore.getTime(), [m]);
  }
  return [...byTime].flatMap(([dueAt, group]) =>
    Array.from({ length: Math.ceil(group.length / SEND_JOB_SIZE) }, (_, i) => {
      const chunk = group.slice(i * SEND_JOB_SIZE, (i + 1) * SEND_JOB_SIZE);
      const [first] = chunk;
      return {
        name: 'send-messages' as const,
        dueAt,
        data: { messageIds: chunk.map((m) => m.id) },
        opts: { jobId: `send-${first.id}-${first.attempts}-${dueAt}${suffix}` },
      };
    }),
  );
}

/**
 * The outbox. An intent is written in the caller's transaction (so the message exists exactly
 * when the cause committed), and its send job is added after the commit; a lost job is found
 * again by the notify sweeper from the row.
 */
@Injectable()
export class OutboundMessages {
  private readonly logger = new Logger(OutboundMessages.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Notify) private readonly queue: JobQueue<QueueName.Notify>,
    private readonly clock: Clock,
  ) {}

  /** Writes the intent unless one with the same cause exists; returns the new row, or null. */
  async record(manager: EntityManager, intent: MessageIntent): Promise<OutboundMessage | null> {
    const rows = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboundMessage)
      .values({ ...intent, meta: (intent.meta ?? {}) as never, notBefore: intent.notBefore ?? this.clock.now() })
      .orIgnore()
      .returning('id, attempts, not_before')
      .execute();
    const [raw] = rows.raw as { id: string; attempts: number; not_before: Date }[];
    return raw ? manager.create(OutboundMessage, { id: raw.id, attempts: raw.attempts, notBefore: raw.not_before }) : null;
  }

  /**
   * Rows for intents that another statement writes (the receipts of new tickets, inside the
   * statement that numbers them), by column name, with their ids chosen here; and the messages
   * to dispatch once that commits. The causes must be new: nothing checks for an earlier row.
   */
  draftMany(manager: EntityManager, intents: MessageIntent[]): { rows: Record<string, unknown>[]; messages: OutboundMessage[] } {
    const metadata = manager.connection.getMetadata(OutboundMessage);
    const now = this.clock.now();
    // Built by hand (an intake batch drafts one per ticket): TypeORM's `create` walks the entity's metadata for each.
    const messages = intents.map((intent) =>
      Object.assign(new OutboundMessage(), { ...intent, id: timeOrderedId(), meta: intent.meta ?? {}, notBefore: intent.notBefore ?? now, attempts: 0 }),
    );
    const properties = [
      'id',
      'dedupeKey',
      'channel',
      'recipient',
      'purpose',
      'subject',
      'body',
      'ticketId',
      'citizenId',
      'userId',
      'meta',
      'notBefore',
    ] as const;
    const columns = properties.map((p) => [p, metadata.findColumnWithPropertyName(p)!.databaseName] as const);
    const rows = messages.map((m) => Object.fromEntries(columns.map(([p, column]) => [column, m[p] ?? null])));
    return { rows, messages };
  }

  /**
   * Hands committed intents to the `notify` queue: one job for the messages due at the same
   * moment (delayed until then), at most SEND_JOB_SIZE a job.
   */
  async dispatch(messages: (Pick<OutboundMessage, 'id' | 'attempts' | 'notBefore'> | null)[], jobSuffix = ''): Promise<void> {
    const due = messages.filter((m): m is OutboundMessage => m !== null);
    if (!due.length) return;
    const now = this.clock.now().getTime();
    try {
      const jobs = sendJobs(due, jobSuffix).map(({ name, data, opts, dueAt }) => ({ name, data, opts: { ...opts, delay: Math.max(0, dueAt - now) } }));
      await withTimeout(this.queue.addBulk(jobs), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'send jobs not enqueued; the sweeper will retry', count: due.length, error: (error as Error).message });
    }
  }

  /** A provider's delivery report; states only move forward. */
  async delivery(where: { id?: string; provider: string; providerId: string }, state: OutboundState, error?: string | null): Promise<boolean> {
    const now = this.clock.now();
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbound_messages
          SET state = $3::outbound_state, provider_id = coalesce(provider_id, $2), last_error = coalesce($4, last_error),
              delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz ELSE delivered_at END,
              sent_at = coalesce(sent_at, $5::timestamptz), updated_at = $5
        WHERE ${where.id ? 'id = $1::uuid' : 'provider = $1 AND provider_id = $2'}
          AND (${rankSql('state')}) < (${rankSql('$3::outbound_state')})`,
      [where.id ?? where.provider, where.providerId, state, error ?? null, now],
    );
    return result[1] > 0;
  }
}

/** The rank of OUTBOUND_STATE_RANK in SQL, so the monotonic rule lives in one place. */
function rankSql(expression: string): string {
  const cases = Object.entries(OUTBOUND_STATE_RANK).map(([state, rank]) => `WHEN '${state}' THEN ${rank}`);
  return `CASE ${expression} ${cases.join(' ')} END`;
}
