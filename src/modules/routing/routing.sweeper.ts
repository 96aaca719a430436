import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { routeJobId } from '../tickets';

const BATCH = 1000;

/**
 * Re-enqueues routing for committed tickets that are still waiting for a department, and a
 * hand-out for auto-assigning departments whose routed tickets still wait for a person.
 */
@Injectable()
export class RoutingSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Routing) private readonly queue: JobQueue<QueueName.Routing>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const rows: { id: string; version: number }[] = await this.dataSource.query(
      `SELECT id, version FROM tickets
        WHERE routed_at IS NULL AND NOT triage AND status = 'new' AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [before, BATCH],
    );
    const backlogs: { department_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT t.department_id FROM tickets t JOIN departments d ON d.id = t.department_id
        WHERE d.auto_assign AND t.status = 'new' AND t.assignee_id IS NULL AND t.routed_at < $1`,
      [before],
    );
    if (rows.length + backlogs.length === 0) return 0;
    await this.queue.addBulk([
      ...rows.map((row) => ({ name: 'route-ticket' as const, data: { ticketId: row.id }, opts: { jobId: routeJobId(row) } })),
      ...backlogs.map((row) => ({ name: 'assign-backlog' as const, data: { departmentId: row.department_id }, opts: { removeOnComplete: true } })),
    ]);
    return rows.length + backlogs.length;
  }
}
