import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { endOfWorkingDays } from '@app/calendar';
import { turkishDate } from '@app/common';
import { TicketStatus } from '@app/domain';
import {
  BusinessCalendarService,
  ClockSubject,
  Escalation,
  EscalationLevel,
  EscalationSubject,
  EscalationSubjects,
  EscalationTarget,
  LEVEL_LABELS,
  SubjectEffects,
} from '../sla';
import { DepartmentsService } from '../departments';
import { CitizenNotices, NoticePurpose } from '../notifications';
import { TicketChangeHooks, TicketPlacement } from './ticket-change-hooks';
import { TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/** The new date a late citizen is promised: this many working days after the breach. */
const DELAY_PROMISE_WORKING_DAYS = 5;

/** What a ticket's clock escalating means for the ticket: its timeline, its citizen, its assignee. */
@Injectable()
export class TicketEscalations implements EscalationSubject, OnModuleInit {
  readonly subjectType = ClockSubject.Ticket;

  constructor(
    private readonly subjects: EscalationSubjects,
    private readonly notices: CitizenNotices,
    private readonly calendars: BusinessCalendarService,
    private readonly departments: DepartmentsService,
    private readonly hooks: TicketChangeHooks,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async describe(manager: EntityManager, escalation: Escalation): Promise<EscalationTarget | null> {
    const ticket = await manager.findOneBy(Ticket, { id: escalation.subjectId });
    if (!ticket) return null;
    return {
      title: `${ticket.trackingNo} — ${ticket.subject}`,
      path: `/app/tickets/${ticket.id}`,
      departmentId: ticket.departmentId,
      assigneeId: ticket.assigneeId,
      ticketId: ticket.id,
    };
  }

  /** The step on the timeline; at a breach the citizen gets an apology with a new date, and the ticket may change hands. */
  async afterNotified(manager: EntityManager, escalation: Escalation): Promise<SubjectEffects> {
    const ticket = await manager.findOne(Ticket, { where: { id: escalation.subjectId }, lock: { mode: 'pessimistic_write' } });
    if (!ticket) return { messages: [] };
    await appendEvent(manager, ticket.id, TicketEventType.Escalated, null, LEVEL_LABELS[escalation.level as EscalationLevel], {
      level: escalation.level,
      dueAt: escalation.dueAt,
      escalationId: escalation.id,
    });
    const before: TicketPlacement = { departmentId: ticket.departmentId, assigneeId: ticket.assigneeId, status: ticket.status };
    const announce = () => this.hooks.afterCommit({ kind: 'escalated', ticket, before });
    if (escalation.level !== EscalationLevel.Breach) return { messages: [], afterCommit: announce };
    const calendar = await this.calendars.cached(manager);
    const promised = endOfWorkingDays(calendar, escalation.firedAt, DELAY_PROMISE_WORKING_DAYS);
    const delayNotice = await this.notices.record(manager, ticket, {
      purpose: NoticePurpose.Delayed,
      cause: `escalation-${escalation.id}`,
      context: { newDueDate: turkishDate(promised) },
    });
    const department = ticket.departmentId ? await this.departments.cached(manager, ticket.departmentId) : null;
    const reassign = department?.reassignOnBreach && ticket.assigneeId && ticket.status === TicketStatus.Assigned;
    if (reassign) {
      await appendEvent(manager, ticket.id, TicketEventType.Assigned, null, 'Süre aşıldığı için başvuru yeniden dağıtıma alındı', {
        assigneeId: null,
        previousAssigneeId: ticket.assigneeId,
        automatic: true,
      });
      await manager.update(Ticket, { id: ticket.id }, { assigneeId: null, status: TicketStatus.New, version: ticket.version + 1 });
      Object.assign(ticket, { assigneeId: null, status: TicketStatus.New });
    }
    // A ticket taken back from its assignee is the hooks' news too (the backlog hand-out follows it).
    return { messages: [delayNotice], afterCommit: announce };
  }
}
