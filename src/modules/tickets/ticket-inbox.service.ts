import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { canTransition, StaffPrincipal, STATUS_LABELS, TicketStatus } from '@app/domain';
import { CategoriesService } from '../categories';
import { NeighbourhoodsService } from '../neighbourhoods';
import { DuplicateState, DuplicateSuspicion } from './duplicate-suspicion.entity';
import { CategoriseTicketDto, ReturnTicketDto } from './dto/inbox-actions.dto';
import { VersionedDto } from './dto/ticket-actions.dto';
import { assertVisible } from './ticket-access';
import { TicketActions } from './ticket-actions.service';
import { TicketEventType } from './ticket-event.entity';
import { TicketJobs } from './ticket-jobs.service';
import { TicketLock } from './ticket-lock.service';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';
import { CategoryChanges } from './category-changes';

/** What a department does with its inbox and the call centre with its triage queue. */
@Injectable()
export class TicketInbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lock: TicketLock,
    private readonly actions: TicketActions,
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly jobs: TicketJobs,
    private readonly categoryChanges: CategoryChanges,
  ) {}

  /** Takes the ticket for oneself. */
  claim(actor: StaffPrincipal, id: string, dto: VersionedDto): Promise<Ticket> {
    return this.actions.assign(actor, id, { version: dto.version, assigneeId: actor.id });
  }

  /** Misrouted: back to the call centre's triage queue, with the reason on the timeline. */
  returnToCallCentre(actor: StaffPrincipal, id: string, dto: ReturnTicketDto): Promise<Ticket> {
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      this.actions.assertOpen(ticket);
      if (ticket.status !== TicketStatus.New && !canTransition(ticket.status, TicketStatus.New)) {
        throw new TicketException(TicketErrorCode.InvalidTransition, `"${STATUS_LABELS[ticket.status]}" durumundaki başvuru çağrı merkezine geri gönderilemez`);
      }
      const fromDepartmentId = ticket.departmentId;
      Object.assign(ticket, { departmentId: null, assigneeId: null, routedAt: null, triage: true, status: TicketStatus.New });
      await appendEvent(manager, ticket.id, TicketEventType.Returned, actor, dto.reason, { fromDepartmentId });
      await this.categoryChanges.announce(manager, { ticketId: ticket.id, categoryId: null, source: 'return', actorId: actor.id });
    });
  }

  /** Triage: a supervisor or agent sets the category; routing then finds the department. */
  async categorise(actor: StaffPrincipal, id: string, dto: CategoriseTicketDto): Promise<Ticket> {
    const category = await this.categories.requireActive(dto.categoryId, 'categoryId');
    if (dto.mahalleId) await this.mahalleler.requireActive(dto.mahalleId, 'mahalleId');
    const ticket = await this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      if (ticket.status !== TicketStatus.New || ticket.routedAt) {
        throw new InvalidFieldException('categoryId', 'categoryId: yalnızca yönlendirilmemiş yeni başvurular sınıflandırılır; diğerleri için aktarın');
      }
      Object.assign(ticket, { categoryId: category.id, kind: category.kind, triage: false, departmentId: null, mahalleId: dto.mahalleId ?? ticket.mahalleId });
      await appendEvent(manager, ticket.id, TicketEventType.Updated, actor, null, {
        categoryId: category.id,
        categoryName: category.name,
        mahalleId: ticket.mahalleId,
      });
      await this.categoryChanges.announce(manager, { ticketId: ticket.id, categoryId: category.id, source: 'triage', actorId: actor.id });
    });
    await this.jobs.route(ticket);
    return ticket;
  }

  /** "Not the same thing after all": the suspicion closes on both tickets. */
  async dismissDuplicate(actor: StaffPrincipal, id: string, otherId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = assertVisible(await manager.findOneBy(Ticket, { id }), actor);
      const suspicion = await manager
        .createQueryBuilder(DuplicateSuspicion, 's')
        .where('s.state = :open', { open: DuplicateState.Open })
        .andWhere('((s.ticket_id = :a AND s.original_id = :b) OR (s.ticket_id = :b AND s.original_id = :a))', { a: ticket.id, b: otherId })
        .setLock('pessimistic_write')
        .getOne();
      if (!suspicion) throw new ResourceNotFoundException('Mükerrer şüphesi');
      await manager.update(DuplicateSuspicion, { id: suspicion.id }, { state: DuplicateState.Dismissed, resolvedById: actor.id });
      for (const [on, other] of [
        [suspicion.ticketId, suspicion.originalId],
        [suspicion.originalId, suspicion.ticketId],
      ]) {
        await appendEvent(manager, on, TicketEventType.DuplicateDismissed, actor, null, { otherId: other });
      }
    });
  }
}
