import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { IntervalSweeper, QueueName } from '@app/queue';
import { sendJobId } from './outbound-messages.service';

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
    @InjectQueue(QueueName.Notify) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const rows: { id: string; attempts: number; not_before: Date }[] = await this.dataSource.query(
      `SELECT id, attempts, not_before FROM outbound_messages
        WHERE (state = 'pending' AND not_before < $1) OR (state = 'sending' AND updated_at < $2)
        ORDER BY not_before LIMIT $3`,
      [new Date(now - this.config.SWEEP_GRACE_MS), new Date(now - this.config.QUEUE_LOCK_MS), BATCH],
    );
    if (!rows.length) return 0;
    await this.queue.addBulk(
      rows.map((row) => ({
        name: 'send-message',
        data: { messageId: row.id },
        // Its own id: the first job for this attempt may have completed without sending (too early).
        opts: { jobId: `${sendJobId({ id: row.id, attempts: row.attempts, notBefore: row.not_before })}-swept` },
      })),
    );
    return rows.length;
  }
}
