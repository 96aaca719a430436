import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { queryPrepared, selectColumns } from '@app/database';
import { JobHandler, MessagesJob, QueueName } from '@app/queue';
import { MessageSender, PermanentSendError, SendResult } from './message-sender';
import { OutboundMessage, OutboundState } from './outbound-message.entity';
import { OutboundMessages } from './outbound-messages.service';
import { SenderRegistry } from './sender-registry';

const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];
/** Messages of one job sent at once (each takes a pool connection for its statements). */
const AT_ONCE = 4;
/** How long sent messages of a job may wait to be marked sent together. */
const MARK_SENT_EVERY_MS = 250;

/** What became of one message: sent, recovered after a crash, a retry scheduled, failed, or nothing to do. */
export type SendOutcome = 'sent' | 'recovered' | 'retry' | 'failed' | Extract<Claim, { kind: 'stale' | 'early' | 'in-flight' }>['kind'];

type Claim = { kind: 'stale' | 'early' | 'in-flight' } | { kind: 'send' | 'interrupted'; message: OutboundMessage; sender: MessageSender };

/**
 * Sends outbound messages; a job carries those due at one moment (a batch's receipts, say).
 * Where sending twice could reach someone twice, `sending` is committed before the provider is
 * called, so an attempt that died mid-call is recognised: the provider is asked whether it has
 * the message, and it is sent again only when it does not.
 */
@Injectable()
export class SendMessageProcessor {
  private readonly logger = new Logger(SendMessageProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: SenderRegistry,
    private readonly outbox: OutboundMessages,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Every message of the job is tried. Those due and pending whose sender may safely send twice
   * (e-mail, the local outbox) are read together and sent without a claim (`sendUnclaimed`);
   * the rest go one by one (`send`). If one could not be tried (the database failed), the job
   * fails after the others, and its retry finds those already sent `stale`.
   */
  @JobHandler(QueueName.Notify, 'send-messages')
  async handle({ messageIds }: MessagesJob): Promise<Partial<Record<SendOutcome, number>>> {
    const outcome: Partial<Record<SendOutcome, number>> = {};
    let error: unknown = null;
    const tally = (results: PromiseSettledResult<SendOutcome>[]) => {
      for (const result of results) {
        if (result.status === 'fulfilled') outcome[result.value] = (outcome[result.value] ?? 0) + 1;
        else error ??= result.reason;
      }
    };
    const { ready, rest } = await this.readyToSend(messageIds);
    tally(await this.sendUnclaimed(ready));
    for (let i = 0; i < rest.length; i += AT_ONCE) tally(await Promise.allSettled(rest.slice(i, i + AT_ONCE).map((id) => this.send(id))));
    if (error) throw error;
    return outcome;
  }

  /**
   * Sends AT_ONCE at a time and marks the sent ones together: once at the end (the local outbox:
   * one statement), or every MARK_SENT_EVERY_MS while a slow provider (SMTP) sends, so that a
   * worker that dies sends again only the last few.
   */
  private async sendUnclaimed(ready: { message: OutboundMessage; sender: MessageSender }[]): Promise<PromiseSettledResult<SendOutcome>[]> {
    const results: PromiseSettledResult<SendOutcome>[] = [];
    let delivered: { message: OutboundMessage; result: SendResult }[] = [];
    let markedAt = this.clock.now().getTime();
    for (let i = 0; i < ready.length; i += AT_ONCE) {
      if (this.clock.now().getTime() - markedAt >= MARK_SENT_EVERY_MS) {
        await this.sentMany(delivered);
        delivered = [];
        markedAt = this.clock.now().getTime();
      }
      const chunk = ready.slice(i, i + AT_ONCE).map(async ({ message, sender }): Promise<SendOutcome> => {
        let result: SendResult;
        try {
          result = await sender.send(message);
        } catch (failed) {
          return this.failedAttempt(message, failed as Error);
        }
        delivered.push({ message, result });
        return 'sent';
      });
      results.push(...(await Promise.allSettled(chunk)));
    }
    await this.sentMany(delivered);
    return results;
  }

  /** The job's messages that can be sent without a claim of their own (see `claim`), and the rest. */
  private async readyToSend(messageIds: string[]): Promise<{ ready: { message: OutboundMessage; sender: MessageSender }[]; rest: string[] }> {
    // Read by hand (see selectColumns): a job carries a whole batch's receipts.
    const rows = await queryPrepared<OutboundMessage[]>(
      this.dataSource,
      `SELECT ${selectColumns(this.dataSource.manager, OutboundMessage, 'o')} FROM outbound_messages o WHERE o.id = ANY($1::uuid[])`,
      [messageIds],
    );
    const found = new Map(rows.map((row) => [row.id, Object.assign(new OutboundMessage(), row)]));
    const now = this.clock.now();
    const ready: { message: OutboundMessage; sender: MessageSender }[] = [];
    const rest: string[] = [];
    for (const id of messageIds) {
      const message = found.get(id);
      const sender = message?.state === OutboundState.Pending && message.notBefore <= now ? this.registry.for(message.channel) : null;
      if (message && sender?.safeToResend) ready.push({ message: { ...message, provider: sender.provider, attempts: message.attempts + 1 }, sender });
      else rest.push(id);
    }
    return { ready, rest };
  }

  /** Sends one message with a claim of its own (and reconciles an attempt that died mid-call). */
  async send(messageId: string): Promise<SendOutcome> {
    const claim = await this.claim(messageId);
    if (claim.kind !== 'send' && claim.kind !== 'interrupted') return claim.kind;
    const { message, sender } = claim;
    if (claim.kind === 'interrupted') {
      const providerId = sender.findSent ? await sender.findSent(message) : null;
      if (providerId) {
        await this.sent(message, { providerId });
        return 'recovered';
      }
      if (!sender.findSent && !sender.safeToResend) {
        await this.fail(message, 'Önceki gönderim yarıda kaldı ve sağlayıcıya sorulamıyor; iki kez gitmemesi için yeniden gönderilmedi');
        return 'failed';
      }
    }
    try {
      await this.sent(message, await sender.send(message));
      return 'sent';
    } catch (error) {
      return this.failedAttempt(message, error as Error);
    }
  }

  /**
   * A sender whose resend cannot reach anyone twice needs no `sending` mark: the message is read,
   * sent and marked in two statements instead of a locked transaction and two more.
   */
  private async claim(messageId: string): Promise<Claim> {
    const found = await this.dataSource.getRepository(OutboundMessage).findOneBy({ id: messageId });
    if (!found || found.state !== OutboundState.Pending) return found?.state === OutboundState.Sending ? this.lockedClaim(messageId) : { kind: 'stale' };
    if (found.notBefore > this.clock.now()) return { kind: 'early' };
    const sender = this.registry.for(found.channel);
    if (!sender.safeToResend) return this.lockedClaim(messageId);
    return { kind: 'send', message: { ...found, provider: sender.provider, attempts: found.attempts + 1 }, sender };
  }

  private lockedClaim(messageId: string): Promise<Claim> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager.findOne(OutboundMessage, { where: { id: messageId }, lock: { mode: 'pessimistic_write' } });
      if (!message || (message.state !== OutboundState.Pending && message.state !== OutboundState.Sending)) return { kind: 'stale' };
      const now = this.clock.now();
      if (message.notBefore > now) return { kind: 'early' };
      const sender = this.registry.for(message.channel);
      if (message.state === OutboundState.Sending) {
        // Another worker may be in the provider call right now; its claim outlives a job lock.
        if (now.getTime() - message.updatedAt.getTime() < this.config.QUEUE_LOCK_MS) return { kind: 'in-flight' };
        await manager.update(OutboundMessage, message.id, { updatedAt: now });
        return { kind: 'interrupted', message, sender };
      }
      await manager.update(OutboundMessage, message.id, {
        state: OutboundState.Sending,
        provider: sender.provider,
        attempts: message.attempts + 1,
        updatedAt: now,
      });
      return { kind: 'send', message: { ...message, provider: sender.provider, attempts: message.attempts + 1 }, sender };
    });
  }

  private sent(message: OutboundMessage, result: SendResult): Promise<void> {
    return this.sentMany([{ message, result }]);
  }

  private async sentMany(delivered: { message: OutboundMessage; result: SendResult }[]): Promise<void> {
    if (!delivered.length) return;
    await queryPrepared(
      this.dataSource,
      `UPDATE outbound_messages o SET provider_id = x.provider_id, sent_at = coalesce(o.sent_at, $1), updated_at = $1, last_error = NULL,
              provider = x.provider, attempts = greatest(o.attempts, x.attempts),
              state = CASE WHEN o.state IN ('pending', 'sending') THEN x.state::outbound_state ELSE o.state END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS x(id, provider_id, state, provider, attempts)
        WHERE o.id = x.id`,
      [
        this.clock.now(),
        delivered.map((d) => d.message.id),
        delivered.map((d) => d.result.providerId),
        delivered.map((d) => d.result.state ?? OutboundState.Sent),
        delivered.map((d) => d.message.provider),
        delivered.map((d) => d.message.attempts),
      ],
    );
  }

  private async failedAttempt(message: OutboundMessage, error: Error): Promise<SendOutcome> {
    const reason = error.message.slice(0, 500);
    if (error instanceof PermanentSendError || message.attempts >= this.config.NOTIFY_MAX_ATTEMPTS) {
      await this.fail(message, reason);
      return 'failed';
    }
    const notBefore = new Date(this.clock.now().getTime() + BACKOFF_MS[Math.min(message.attempts - 1, BACKOFF_MS.length - 1)]);
    await this.dataSource.query(
      `UPDATE outbound_messages SET state = 'pending', last_error = $2, not_before = $3, updated_at = $4, provider = $5, attempts = greatest(attempts, $6)
        WHERE id = $1 AND state IN ('pending', 'sending')`,
      [message.id, reason, notBefore, this.clock.now(), message.provider, message.attempts],
    );
    this.logger.warn({ msg: 'send failed; will retry', messageId: message.id, attempt: message.attempts, error: reason });
    await this.outbox.dispatch([{ id: message.id, attempts: message.attempts, notBefore }]);
    return 'retry';
  }

  private async fail(message: OutboundMessage, reason: string): Promise<void> {
    this.logger.error({ msg: 'outbound message failed', messageId: message.id, channel: message.channel, error: reason });
    await this.dataSource.query(
      `UPDATE outbound_messages SET state = 'failed', last_error = $2, updated_at = $3, provider = coalesce($4, provider), attempts = greatest(attempts, $5)
        WHERE id = $1 AND state IN ('pending', 'sending')`,
      [message.id, reason, this.clock.now(), message.provider, message.attempts],
    );
  }
}
