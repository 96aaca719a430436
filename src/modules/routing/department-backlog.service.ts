import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@app/common';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { BacklogSignals } from '../departments';
import { TicketChange, TicketChangeHook, TicketChangeHooks } from '../tickets';
import { backlogTriggers } from './backlog-triggers';

/**
 * Asks the routing worker to hand a department's unassigned tickets to staff who have room:
 * after someone frees up (a ticket answered, closed, moved away), comes back available, or
 * the department's cap is raised — told by the tickets' change hooks and the departments'
 * signals. Best effort; the routing sweeper catches what is missed.
 */
@Injectable()
export class DepartmentBacklog implements TicketChangeHook {
  private readonly logger = new Logger(DepartmentBacklog.name);

  constructor(
    @InjectJobQueue(QueueName.Routing) private readonly routing: JobQueue<QueueName.Routing>,
    signals: BacklogSignals,
    hooks: TicketChangeHooks,
  ) {
    signals.listen((departmentId) => this.handOut(departmentId));
    hooks.register(this);
  }

  async afterCommit({ ticket, before }: TicketChange): Promise<void> {
    if (!before) return;
    for (const departmentId of backlogTriggers(before, ticket)) await this.handOut(departmentId);
  }

  async handOut(departmentId: string): Promise<void> {
    try {
      await withTimeout(this.routing.add('assign-backlog', { departmentId }, { removeOnComplete: true }), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'backlog job not enqueued; the sweeper will retry', departmentId, error: (error as Error).message });
    }
  }
}
