import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, ExpiringValue } from '@app/common';
import { TicketKind, TicketStatus, TRACKING_NO_SLOT } from '@app/domain';
import { CategoriesService, Category } from '../categories';
import { DepartmentsService } from '../departments';
import { appendEvents, Ticket, TicketEventType, type TicketNotice, TimelineEntry } from '../tickets';
import { NoticePurpose } from '../notifications';
import { pickAssignee } from './assignee-picker';
import { decideRoute, RoutingDecision } from './routing-decision';
import { RoutingRule } from './routing-rule.entity';

/** Where a ticket goes, as the ticket fields to set and the timeline entries that say so. */
export interface Placement {
  kind: RoutingDecision['kind'];
  fields: Partial<Ticket>;
  events: TimelineEntry[];
  /** What the citizen is told about it (nothing while it waits in triage). */
  notice: TicketNotice | null;
}

type Routable = { kind: TicketKind; mahalleId: string | null; departmentId: string | null; firstRespondedAt?: Date | null };

/**
 * Puts a ticket in its department's inbox (assigning it where the department says so), refers
 * it out, or sends it to triage. `plan` only reads, so intake can decide before it inserts the
 * ticket and write everything in one statement; `route` applies a plan to a committed ticket
 * whose row the caller holds (the routing job).
 */
@Injectable()
export class TicketRouter {
  private readonly rules = new ExpiringValue<RoutingRule[]>(30_000);

  constructor(
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  /** `assignedInBatch`: assignees of tickets planned in this transaction and not yet written (see `pickAssignee`). */
  async plan(manager: EntityManager, ticket: Routable, category: Category | null, assignedInBatch: string[] = []): Promise<Placement> {
    const rules = category ? await this.rules.get(() => manager.findBy(RoutingRule, { active: true })) : [];
    const decision = decideRoute(ticket, category, rules);
    if (decision.kind === 'triage') {
      return { kind: 'triage', fields: { triage: true, routedAt: null }, events: [{ type: TicketEventType.Routed, data: { triage: true } }], notice: null };
    }
    if (decision.kind === 'referral') return this.referral(manager, ticket, decision.institutionId);
    return this.toDepartment(manager, decision.departmentId, decision.ruleId, assignedInBatch);
  }

  /** After a local edit of the rules; other processes pick it up when their copy expires. */
  rulesChanged(): void {
    this.rules.invalidate();
  }

  async route(manager: EntityManager, ticket: Ticket, category: Category | null): Promise<Placement> {
    const placement = await this.plan(manager, ticket, category);
    Object.assign(ticket, placement.fields, { version: ticket.version + 1 });
    await appendEvents(manager, ticket, placement.events);
    const { searchText: _omit, ...columns } = ticket;
    await manager.update(Ticket, { id: ticket.id }, { ...columns, updatedAt: this.clock.now() });
    return placement;
  }

  private async toDepartment(manager: EntityManager, departmentId: string, ruleId: string | null, assignedInBatch: string[]): Promise<Placement> {
    const department = await this.departments.cached(manager, departmentId);
    if (!department) throw new Error(`department ${departmentId} not found`);
    const fields: Partial<Ticket> = { departmentId: department.id, routedAt: this.clock.now() };
    const events: TimelineEntry[] = [{ type: TicketEventType.Routed, data: { departmentId: department.id, departmentName: department.name, ruleId } }];
    const assigneeId = department.autoAssign ? await pickAssignee(manager, department.id, department.maxOpenPerAssignee, assignedInBatch) : null;
    if (assigneeId) {
      Object.assign(fields, { assigneeId, status: TicketStatus.Assigned });
      events.push({ type: TicketEventType.Assigned, data: { assigneeId, automatic: true } });
    }
    return { kind: 'department', fields, events, notice: { purpose: NoticePurpose.Forwarded, context: { department: department.name } } };
  }

  private async referral(manager: EntityManager, ticket: Routable, institutionId: string): Promise<Placement> {
    const institution = await this.categories.institution(manager, institutionId);
    if (!institution) throw new Error(`institution ${institutionId} of a category is gone`);
    const now = this.clock.now();
    const contact = institution.phone ? ` (${institution.phone})` : '';
    const message =
      `${TRACKING_NO_SLOT} numaralı başvurunuz ${institution.name} görev alanındadır ve 3071 sayılı Kanun ` +
      `gereğince bu kuruma iletilmiştir${contact}. Bilgilerinize sunarız.`;
    return {
      kind: 'referral',
      fields: {
        status: TicketStatus.Referred,
        resolution: 'referred',
        resolutionNote: institution.name,
        referredToInstitutionId: institution.id,
        routedAt: now,
        closedAt: now,
        firstRespondedAt: ticket.firstRespondedAt ?? now,
      },
      events: [
        {
          type: TicketEventType.StatusChanged,
          data: { from: TicketStatus.New, to: TicketStatus.Referred, institutionId: institution.id, institutionName: institution.name },
        },
        { type: TicketEventType.ReplyOut, body: message, data: { automatic: true } },
      ],
      notice: { purpose: NoticePurpose.Referred, context: { institution: `${institution.name}${contact}` } },
    };
  }
}
