import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { processJobId } from './intake.service';

const BATCH = 1000;

/**
 * Re-enqueues stored inbound events that were never processed (Redis was down, a job was lost,
 * a batch that held them failed after their own jobs had finished), one job per
 * INTAKE_BATCH_SIZE of them. A job's id is new for each sweep, as the events' first jobs may have completed and would swallow a re-add.
 */
@Injectable()
export class IntakeSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Intake) private readonly queue: JobQueue<QueueName.Intake>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM inbound_events WHERE state = 'received' AND received_at < $1 ORDER BY received_at LIMIT $2`,
      [before, BATCH],
    );
    if (rows.length === 0) return 0;
    const sweep = this.clock.now().getTime();
    const size = this.config.INTAKE_BATCH_SIZE;
    const batches = Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size).map((r) => r.id));
    await this.queue.addBulk(
      batches.map((eventIds) => ({ name: 'process-events' as const, data: { eventIds }, opts: { jobId: `${processJobId(eventIds)}-swept-${sweep}` } })),
    );
    return rows.length;
  }
}
