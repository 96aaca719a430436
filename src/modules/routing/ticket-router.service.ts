import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { Category } from '../categories/category.entity';
import { Institution } from '../categories/institution.entity';
import { Department } from '../departments/department.entity';
import { TicketEventType } from '../tickets/ticket-event.entity';
import { TicketStatus } from '../tickets/ticket-status';
import { Ticket } from '../tickets/ticket.entity';
import { appendEvent } from '../tickets/timeline';
import { pickAssignee } from './assignee-picker';
import { decideRoute, RoutingDecision } from './routing-decision';
import { RoutingRule } from './routing-rule.entity';

/**
 * Puts a new ticket in its department's inbox (assigning it where the department says so),
 * refers it out, or sends it to triage. Runs inside the caller's transaction, which holds the
 * ticket's row: the intake job routes the ticket it has just created in the same commit, the
 * routing job a ticket committed earlier.
 */
@Injectable()
export class TicketRouter {
  private readonly logger = new Logger(TicketRouter.name);

  constructor(private readonly clock: Clock) {}

  async route(manager: EntityManager, ticket: Ticket, category: Category | null): Promise<RoutingDecision['kind']> {
    const rules = category ? await manager.findBy(RoutingRule, { active: true }) : [];
    const decision = decideRoute(ticket, category, rules);
    const now = this.clock.now();
    ticket.routedAt = now;
    ticket.version += 1;
    if (decision.kind === 'triage') {
      Object.assign(ticket, { triage: true, routedAt: null });
      await appendEvent(manager, ticket.id, TicketEventType.Routed, null, null, { triage: true });
    } else if (decision.kind === 'referral') {
      await this.refer(manager, ticket, decision.institutionId, now);
    } else {
      await this.toDepartment(manager, ticket, decision.departmentId, decision.ruleId);
    }
    const { searchText: _omit, ...columns } = ticket;
    await manager.update(Ticket, { id: ticket.id }, { ...columns, updatedAt: now });
    return decision.kind;
  }

  private async toDepartment(manager: EntityManager, ticket: Ticket, departmentId: string, ruleId: string | null): Promise<void> {
    const department = await manager.findOneByOrFail(Department, { id: departmentId });
    ticket.departmentId = department.id;
    await appendEvent(manager, ticket.id, TicketEventType.Routed, null, null, {
      departmentId: department.id,
      departmentName: department.name,
      ruleId,
    });
    if (!department.autoAssign) return;
    const assigneeId = await pickAssignee(manager, department.id, department.maxOpenPerAssignee);
    if (!assigneeId) return;
    Object.assign(ticket, { assigneeId, status: TicketStatus.Assigned });
    await appendEvent(manager, ticket.id, TicketEventType.Assigned, null, null, { assigneeId, automatic: true });
  }

  private async refer(manager: EntityManager, ticket: Ticket, institutionId: string, now: Date): Promise<void> {
    const institution = await manager.findOneByOrFail(Institution, { id: institutionId });
    const contact = institution.phone ? ` (${institution.phone})` : '';
    const message =
      `${ticket.trackingNo} numaralı başvurunuz ${institution.name} görev alanındadır ve 3071 sayılı Kanun ` +
      `gereğince bu kuruma iletilmiştir${contact}. Bilgilerinize sunarız.`;
    Object.assign(ticket, {
      status: TicketStatus.Referred,
      resolution: 'referred',
      resolutionNote: institution.name,
      referredToInstitutionId: institution.id,
      closedAt: now,
      firstRespondedAt: ticket.firstRespondedAt ?? now,
    });
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, null, null, {
      from: TicketStatus.New,
      to: TicketStatus.Referred,
      institutionId: institution.id,
      institutionName: institution.name,
    });
    await appendEvent(manager, ticket.id, TicketEventType.ReplyOut, null, message, { automatic: true });
    this.logger.log({ msg: 'ticket referred', ticketId: ticket.id, institution: institution.code });
  }
}
