import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';

const BATCH = 500;

/** One id per attempt: an attempt's job is added once, and an earlier attempt's finished job never swallows the next. */
export const mediaFetchJobId = (fetch: { id: string; attempts: number }) => `whatsapp-media-${fetch.id}-${fetch.attempts + 1}`;

/**
 * The retry schedule of WhatsApp files still to fetch: every file whose next attempt is due
 * gets its job (the rows are the schedule; a lost job is simply enqueued again by the next sweep).
 */
@Injectable()
export class WhatsappMediaSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Intake) private readonly queue: JobQueue<QueueName.Intake>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    // The grace lets a worker whose clock is a little behind still find the attempt due.
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const due: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM whatsapp_media_fetches WHERE state = 'pending' AND next_attempt_at < $1 ORDER BY next_attempt_at LIMIT $2`,
      [before, BATCH],
    );
    if (due.length === 0) return 0;
    await this.queue.addBulk(
      due.map((fetch) => ({ name: 'fetch-whatsapp-media' as const, data: { fetchId: fetch.id }, opts: { jobId: mediaFetchJobId(fetch) } })),
    );
    return due.length;
  }
}
