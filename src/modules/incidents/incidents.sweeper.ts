import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';

/** One answering job per incident: a double submit or a sweep while it runs adds none. */
export const incidentJobId = (id: string) => `answer-incident-${id}`;

/** Re-adds the answering job of an incident answered a while ago whose tickets are not all answered yet. */
@Injectable()
export class IncidentsSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Notify) private readonly queue: JobQueue<QueueName.Notify>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM incidents WHERE answered_at < $1 AND answers_done_at IS NULL ORDER BY answered_at LIMIT 100`,
      [before],
    );
    if (!rows.length) return 0;
    await this.queue.addBulk(rows.map((row) => ({ name: 'answer-incident' as const, data: { incidentId: row.id }, opts: { jobId: incidentJobId(row.id) } })));
    return rows.length;
  }
}
