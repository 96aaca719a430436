import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { enqueueNotify } from './sla-ticker';

/** Escalations whose messages were never written (their notify job was lost) go out again. */
@Injectable()
export class EscalationSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Sla) private readonly queue: JobQueue<QueueName.Sla>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM escalations WHERE notified_at IS NULL AND fired_at < $1 ORDER BY fired_at LIMIT 5000`,
      [before],
    );
    await enqueueNotify(
      this.queue,
      rows.map((r) => r.id),
      `-swept-${before.getTime()}`,
    );
    return rows.length;
  }
}
