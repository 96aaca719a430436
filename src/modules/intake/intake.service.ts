import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, Semaphore, withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import { InboundChannel, InboundState } from './inbound-event.entity';
import { NORMALISERS } from './normalisers';

export interface ReceiveResult {
  eventId: string;
  duplicate: boolean;
}

export const processJobId = (eventId: string) => `event-${eventId}`;

/**
 * The one entry every channel adapter uses: store the raw event (a provider's retry with the
 * same id stores nothing), then hand it to the `intake` queue. The adapter answers its
 * provider as soon as this returns; a lost enqueue is picked up by the intake sweeper.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);
  private readonly receipts: Semaphore;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Intake) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.receipts = new Semaphore(Math.max(1, config.DATABASE_POOL_SIZE - config.INTAKE_JOB_CONNECTIONS));
  }

  async receive(channel: string, providerId: string, payload: Record<string, unknown>): Promise<ReceiveResult> {
    return this.store(channel, providerId, payload, this.problemWith(channel, payload));
  }

  /** Keeps what an adapter could not read (an e-mail without headers) as a failed event, with the reason admins see. */
  receiveFailed(channel: string, providerId: string, payload: Record<string, unknown>, reason: string): Promise<ReceiveResult> {
    return this.store(channel, providerId, payload, reason);
  }

  /** The event already stored under this provider id, if any. */
  async find(channel: string, providerId: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT id FROM inbound_events WHERE channel = $1 AND provider_id = $2', [channel, providerId]);
    return row?.id ?? null;
  }

  private async store(channel: string, providerId: string, payload: Record<string, unknown>, problem: string | null): Promise<ReceiveResult> {
    const rows: { id: string }[] = await this.receipts.run(() =>
      this.dataSource.query(
        `INSERT INTO inbound_events (channel, provider_id, payload, received_at, state, last_error)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (channel, provider_id) DO NOTHING
         RETURNING id`,
        [
          channel,
          providerId,
          problem ? { rejected: true, bytes: Buffer.byteLength(JSON.stringify(payload)) } : payload,
          this.clock.now(),
          problem ? InboundState.Failed : InboundState.Received,
          problem,
        ],
      ),
    );
    if (rows.length === 0) return { eventId: (await this.find(channel, providerId))!, duplicate: true };
    const eventId = rows[0].id;
    if (problem) {
      this.logger.warn({ msg: 'inbound event refused', channel, eventId, reason: problem });
    } else {
      await this.enqueue(eventId);
    }
    return { eventId, duplicate: false };
  }

  /** Whether this provider message is stored already (spares an adapter re-downloading its media). */
  async known(channel: string, providerId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM inbound_events WHERE channel = $1 AND provider_id = $2', [channel, providerId]);
    return rows.length > 0;
  }

  /** `attempt` distinguishes a deliberate re-run from the first job, whose id BullMQ remembers. */
  async enqueue(eventId: string, attempt?: string): Promise<void> {
    const jobId = attempt ? `${processJobId(eventId)}-${attempt}` : processJobId(eventId);
    try {
      await withTimeout(this.queue.add('process-event', { eventId }, { jobId }), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'intake job not enqueued; the sweeper will retry', eventId, error: (error as Error).message });
    }
  }

  /** Kept as a failed event, with this reason, instead of being processed. */
  private problemWith(channel: string, payload: Record<string, unknown>): string | null {
    if (!NORMALISERS[channel as InboundChannel]) return `bilinmeyen kanal: ${channel}`;
    const raw = JSON.stringify(payload);
    if (Buffer.byteLength(raw) > this.config.INTAKE_MAX_PAYLOAD_BYTES) {
      return `yük ${this.config.INTAKE_MAX_PAYLOAD_BYTES} bayt sınırını aşıyor`;
    }
    // The JSON parser turns invalid UTF-8 into U+FFFD; Postgres would refuse a NUL.
    if (raw.includes('\uFFFD') || raw.includes('\\u0000')) return 'geçersiz UTF-8 içeriği';
    return null;
  }
}
