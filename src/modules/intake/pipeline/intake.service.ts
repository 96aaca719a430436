import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, findUnusableInput, withTimeout } from '@app/common';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { InboundChannel } from '../inbound-event.entity';
import { JobThrottle } from './job-throttle';
import { NORMALISERS } from '../normalisers';
import { ReceiptWriter, ReceiveResult } from './receipt-writer';

export type { ReceiveResult } from './receipt-writer';

/** A job is named after the first of its events: each event is stored by exactly one receipt batch. */
export const processJobId = (eventIds: string[]) => `events-${eventIds[0]}`;

/**
 * The one entry every channel adapter uses: store the raw event (a provider's retry with the
 * same id stores nothing), then hand it to the `intake` queue. The adapter answers its
 * provider as soon as the event is committed; receipts that arrive together are stored by one
 * statement (ReceiptWriter), and the events stored within INTAKE_JOB_INTERVAL_MS go on as one
 * job (JobThrottle). A lost enqueue is the intake sweeper's.
 */
@Injectable()
export class IntakeService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(IntakeService.name);
  private readonly receipts: ReceiptWriter;
  private readonly jobs: JobThrottle;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Intake) private readonly queue: JobQueue<QueueName.Intake>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.jobs = new JobThrottle(config.INTAKE_JOB_INTERVAL_MS, config.INTAKE_BATCH_SIZE, (eventIds) => this.enqueue(eventIds));
    this.receipts = new ReceiptWriter(dataSource, config.INTAKE_RECEIPT_WRITERS, config.INTAKE_BATCH_SIZE, (eventIds) => this.jobs.push(eventIds));
  }

  /** Events waiting for the throttle's next job go now rather than to the sweeper. */
  beforeApplicationShutdown(): Promise<void> {
    return this.jobs.flush();
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
    const stored = await this.receipts.write({ channel, providerId, payload, problem, receivedAt: this.clock.now() });
    if (problem && !stored.duplicate) this.logger.warn({ msg: 'inbound event refused', channel, eventId: stored.eventId, reason: problem });
    return stored;
  }

  /** Whether this provider message is stored already (spares an adapter re-downloading its media). */
  async known(channel: string, providerId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM inbound_events WHERE channel = $1 AND provider_id = $2', [channel, providerId]);
    return rows.length > 0;
  }

  /** `attempt` distinguishes a deliberate re-run from the first job, whose id BullMQ remembers. */
  async enqueue(eventIds: string[], attempt?: string): Promise<void> {
    const jobId = attempt ? `${processJobId(eventIds)}-${attempt}` : processJobId(eventIds);
    try {
      await withTimeout(this.queue.add('process-events', { eventIds }, { jobId }), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'intake job not enqueued; the sweeper will retry', events: eventIds.length, jobId, error: (error as Error).message });
    }
  }

  /** Kept as a failed event, with this reason, instead of being processed. */
  private problemWith(channel: string, payload: Record<string, unknown>): string | null {
    if (!NORMALISERS[channel as InboundChannel]) return `bilinmeyen kanal: ${channel}`;
    const raw = JSON.stringify(payload);
    if (Buffer.byteLength(raw) > this.config.INTAKE_MAX_PAYLOAD_BYTES) {
      return `yük ${this.config.INTAKE_MAX_PAYLOAD_BYTES} bayt sınırını aşıyor`;
    }
    // The JSON parser turns invalid UTF-8 into U+FFFD; Postgres would refuse a NUL or a lone surrogate.
    if (raw.includes('\uFFFD')) return 'geçersiz UTF-8 içeriği';
    return findUnusableInput(payload, 'payload')?.message ?? null;
  }
}
