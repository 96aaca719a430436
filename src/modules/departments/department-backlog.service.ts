import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';

/**
 * Asks the routing worker to hand a department's unassigned tickets to staff who have room:
 * after someone frees up (a ticket answered, closed, moved away), comes back available, or
 * the department's cap is raised. Best effort; the routing sweeper catches what is missed.
 */
@Injectable()
export class DepartmentBacklog {
  private readonly logger = new Logger(DepartmentBacklog.name);

  constructor(@InjectQueue(QueueName.Routing) private readonly routing: Queue) {}

  async handOut(departmentId: string): Promise<void> {
    try {
      await withTimeout(this.routing.add('assign-backlog', { departmentId }, { removeOnComplete: true }), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'backlog job not enqueued; the sweeper will retry', departmentId, error: (error as Error).message });
    }
  }
}
