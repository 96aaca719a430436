import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { DepartmentJob, JobHandler, QueueName } from '@app/queue';
import { TicketStatus } from '@app/domain';
import { DepartmentsService } from '../departments';
import { LivePublisher } from '../live';
import { appendEvent, Ticket, TicketEventType } from '../tickets';
import { pickAssignee } from './assignee-picker';

// One run hands out at most this many; a longer backlog is continued by the next trigger or sweep.
const BATCH = 100;

/**
 * Gives a department's waiting tickets — routed, new, nobody's — to available staff under the
 * cap, nearest deadline first. The department's row lock makes concurrent runs take turns, so
 * two runs never fill the same person's last free place.
 */
@Injectable()
export class AssignBacklogProcessor {
  constructor(
    private readonly departments: DepartmentsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
  ) {}

  @JobHandler(QueueName.Routing, 'assign-backlog')
  async handle({ departmentId }: DepartmentJob): Promise<string> {
    const assigned = await this.dataSource.transaction(async (manager) => {
      const department = await this.departments.lockForHandOut(manager, departmentId);
      if (!department?.autoAssign || !department.active) return [];
      const waiting: { id: string }[] = await manager.query(
        `SELECT id FROM tickets
          WHERE department_id = $1 AND status = 'new' AND assignee_id IS NULL AND routed_at IS NOT NULL
          ORDER BY resolution_due_at NULLS LAST, created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [department.id, BATCH],
      );
      const done: Ticket[] = [];
      for (const { id } of waiting) {
        const assigneeId = await pickAssignee(manager, department.id, department.maxOpenPerAssignee);
        if (!assigneeId) break;
        const ticket = await manager.findOneByOrFail(Ticket, { id });
        Object.assign(ticket, { assigneeId, status: TicketStatus.Assigned, version: ticket.version + 1 });
        await manager.update(Ticket, { id }, { assigneeId, status: TicketStatus.Assigned, version: ticket.version, updatedAt: this.clock.now() });
        await appendEvent(manager, id, TicketEventType.Assigned, null, null, { assigneeId, automatic: true, backlog: true });
        done.push(ticket);
      }
      return done;
    });
    for (const ticket of assigned) await this.live.publish(ticket, 'updated');
    return `assigned ${assigned.length}`;
  }
}
