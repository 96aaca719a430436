import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { sendJobs } from './outbound-messages.service';

const BATCH = 1000;

/**
 * Re-enqueues messages that are due but still pending (their job was lost with Redis), and
 * those left in `sending` by a worker that died mid-call, for the processor to reconcile.
 */
@Injectable()
export class NotifySweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Notify) private readonly queue: JobQueue<QueueName.Notify>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const rows: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM outbound_messages
        WHERE (state = 'pending' AND not_before < $1) OR (state = 'sending' AND updated_at < $2)
        ORDER BY not_before LIMIT $3`,
      [new Date(now - this.config.SWEEP_GRACE_MS), new Date(now - this.config.QUEUE_LOCK_MS), BATCH],
    );
    if (!rows.length) return 0;
    // All are due now, so they go together. Ids of their own: a sweep's job may have completed
    // while a message in it was still in another worker's hands.
    const jobs = sendJobs(
      rows.map((row) => ({ id: row.id, attempts: row.attempts, notBefore: new Date(now) })),
      `-swept-${now}`,
    );
    await this.queue.addBulk(jobs.map(({ name, data, opts }) => ({ name, data, opts })));
    return rows.length;
  }
}
