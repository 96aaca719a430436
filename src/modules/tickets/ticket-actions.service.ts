import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, InvalidFieldException, turkishDate } from '@app/common';
import {
  canTransition,
  DEPARTMENT_ROLES,
  departmentScope,
  LegalBasis,
  OPEN_STATUSES,
  REQUIRED_FOR,
  StaffPrincipal,
  STATUS_LABELS,
  TicketStatus,
} from '@app/domain';
import { AuditTrail } from '../audit';
import { UsersService } from '../auth';
import { filesOfTicket } from '../media';
import { CategoriesService } from '../categories';
import { DepartmentsService } from '../departments';
import { AddEntryDto, AssignTicketDto, ChangeStatusDto, ExtendDeadlineDto, TransferTicketDto } from './dto/ticket-actions.dto';
import { TicketDeadlines } from './ticket-deadlines.service';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { TicketLock, TicketNotice } from './ticket-lock.service';
import { NoticePurpose } from '../notifications';
import { appendEvent } from './timeline';
import { CategoryChanges } from './category-changes';
import { mergeInto } from './ticket-merge';
import { InformationRequests } from './information/information-requests.service';

const ENTRY_EVENT = {
  note: TicketEventType.InternalNote,
  reply: TicketEventType.ReplyOut,
  message: TicketEventType.MessageIn,
} as const;

const REQUIRED_FIELD = {
  reason: 'reason',
  institution: 'institutionId',
  note: 'note',
  assignee: 'assigneeId',
  mergedInto: 'mergedIntoId',
} as const;

@Injectable()
export class TicketActions {
  constructor(
    private readonly users: UsersService,
    private readonly lock: TicketLock,
    private readonly departments: DepartmentsService,
    private readonly categories: CategoriesService,
    private readonly deadlines: TicketDeadlines,
    private readonly information: InformationRequests,
    private readonly clock: Clock,
    private readonly categoryChanges: CategoryChanges,
    private readonly audit: AuditTrail,
  ) {}

  async changeStatus(actor: StaffPrincipal, id: string, dto: ChangeStatusDto): Promise<Ticket> {
    const required = REQUIRED_FOR[dto.status];
    if (required && !dto[REQUIRED_FIELD[required]]) {
      const field = REQUIRED_FIELD[required];
      throw new InvalidFieldException(field, `${field}: "${STATUS_LABELS[dto.status]}" durumu için gerekli`);
    }
    const institution = dto.institutionId ? await this.categories.findInstitution(dto.institutionId) : null;
    if (dto.institutionId && !institution) throw new InvalidFieldException('institutionId', 'institutionId: böyle bir kurum yok');

    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      // Law 4982 art. 12: a refusal names its exemption and the remedies, which the decision endpoint asks for.
      if (dto.status === TicketStatus.Rejected && ticket.legalBasis === LegalBasis.Law4982) {
        throw new InvalidFieldException('status', 'status: bilgi edinme başvurusu, istisna maddesi ve gerekçesiyle /information/decision üzerinden reddedilir');
      }
      return this.applyStatus(actor, ticket, manager, dto, institution);
    });
  }

  private async applyStatus(
    actor: StaffPrincipal,
    ticket: Ticket,
    manager: EntityManager,
    dto: ChangeStatusDto,
    institution: Awaited<ReturnType<CategoriesService['findInstitution']>>,
  ): Promise<TicketNotice[]> {
    if (!canTransition(ticket.status, dto.status)) {
      throw new TicketException(
        TicketErrorCode.InvalidTransition,
        `"${STATUS_LABELS[ticket.status]}" durumundaki başvuru "${STATUS_LABELS[dto.status]}" durumuna geçemez`,
      );
    }
    if (dto.status === TicketStatus.Assigned) await this.applyAssignee(manager, ticket, dto.assigneeId!);
    const original = dto.status === TicketStatus.Merged ? await this.checkMergeTarget(manager, actor, ticket, dto.mergedIntoId!) : null;
    const now = this.clock.now();
    const from = ticket.status;
    ticket.status = dto.status;
    ticket.needsReview = false;
    switch (dto.status) {
      case TicketStatus.Answered:
        Object.assign(ticket, { answeredAt: now, resolution: 'answered', resolutionNote: dto.note });
        ticket.firstRespondedAt ??= now;
        break;
      case TicketStatus.Closed:
        ticket.closedAt = now;
        ticket.resolution ??= 'closed';
        break;
      case TicketStatus.Rejected:
        Object.assign(ticket, { closedAt: now, resolution: 'rejected', resolutionNote: dto.reason });
        break;
      case TicketStatus.Referred:
        Object.assign(ticket, {
          closedAt: now,
          resolution: 'referred',
          referredToInstitutionId: institution!.id,
          resolutionNote: dto.reason ?? institution!.name,
        });
        break;
      case TicketStatus.Merged:
        Object.assign(ticket, { closedAt: now, resolution: 'merged', mergedIntoId: dto.mergedIntoId });
        await mergeInto(manager, ticket, dto.mergedIntoId!, actor, { trail: this.audit, fromStatus: from });
        break;
      case TicketStatus.Reopened:
        Object.assign(ticket, { closedAt: null, answeredAt: null, resolution: null, resolutionNote: null });
        break;
      case TicketStatus.New:
        ticket.assigneeId = null;
        break;
    }
    const body = dto.note ?? dto.reason ?? null;
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, actor, body, {
      from,
      to: dto.status,
      ...(institution ? { institutionId: institution.id, institutionName: institution.name } : {}),
      ...(dto.mergedIntoId ? { mergedIntoId: dto.mergedIntoId } : {}),
    });
    if (dto.status === TicketStatus.Answered) {
      await appendEvent(manager, ticket.id, TicketEventType.ReplyOut, actor, dto.note!);
      await this.information.answeredPlainly(manager, ticket, actor, now);
    }
    return noticeFor(dto.status, { text: body, institution: institution?.name, originalTrackingNo: original?.trackingNo });
  }

  async assign(actor: StaffPrincipal, id: string, dto: AssignTicketDto): Promise<Ticket> {
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      this.assertOpen(ticket);
      ticket.needsReview = false;
      if (dto.assigneeId) {
        await this.applyAssignee(manager, ticket, dto.assigneeId);
        if ([TicketStatus.New, TicketStatus.Reopened].includes(ticket.status)) ticket.status = TicketStatus.Assigned;
      } else {
        ticket.assigneeId = null;
        if (ticket.status === TicketStatus.Assigned) ticket.status = TicketStatus.New;
      }
      await appendEvent(manager, ticket.id, TicketEventType.Assigned, actor, null, { assigneeId: ticket.assigneeId });
    });
  }

  async transfer(actor: StaffPrincipal, id: string, dto: TransferTicketDto): Promise<Ticket> {
    const target = await this.departments.requireActive(dto.departmentId, 'departmentId');
    const category = dto.categoryId ? await this.categories.requireActive(dto.categoryId, 'categoryId') : null;
    if (category && category.defaultDepartmentId !== target.id) {
      throw new InvalidFieldException('categoryId', 'categoryId: hedef birimin kategorilerinden biri olmalı');
    }
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      this.assertOpen(ticket);
      if (ticket.departmentId === target.id) {
        throw new InvalidFieldException('departmentId', 'departmentId: başvuru zaten bu birimde');
      }
      const fromDepartmentId = ticket.departmentId;
      ticket.departmentId = target.id;
      ticket.assigneeId = null;
      if ([TicketStatus.Assigned, TicketStatus.InProgress].includes(ticket.status)) ticket.status = TicketStatus.New;
      const recategorised = category && category.id !== ticket.categoryId;
      if (recategorised) ticket.categoryId = category.id;
      await appendEvent(manager, ticket.id, TicketEventType.Transferred, actor, dto.reason, {
        fromDepartmentId,
        toDepartmentId: target.id,
        toDepartmentName: target.name,
        ...(recategorised ? { categoryId: category.id, categoryName: category.name } : {}),
      });
      await this.deadlines.transferred(manager, ticket);
      if (recategorised) await this.categoryChanges.announce(manager, { ticketId: ticket.id, categoryId: category.id, source: 'transfer', actorId: actor.id });
    });
  }

  async extendDeadline(actor: StaffPrincipal, id: string, dto: ExtendDeadlineDto): Promise<Ticket> {
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      this.assertOpen(ticket);
      const dueAt = await this.deadlines.extend(manager, ticket, dto.reason);
      return [{ purpose: NoticePurpose.Extended, context: { text: dto.reason, newDueDate: turkishDate(dueAt) } }];
    });
  }

  /** Notes and messages append to the timeline; they need no version (nothing is overwritten). */
  async addEntry(actor: StaffPrincipal, id: string, dto: AddEntryDto): Promise<Ticket> {
    return this.lock.mutate(actor, id, null, async (ticket, manager) => {
      if (ticket.status === TicketStatus.Merged) {
        throw new TicketException(TicketErrorCode.Closed, 'Birleştirilmiş başvuruya kayıt eklenemez');
      }
      const media = await filesOfTicket(manager, ticket.id, dto.attachmentIds ?? []);
      if (media.length !== new Set(dto.attachmentIds ?? []).size) {
        throw new InvalidFieldException('attachmentIds', 'attachmentIds: ekler önce bu başvuruya yüklenmiş dosyalar olmalı');
      }
      await appendEvent(manager, ticket.id, ENTRY_EVENT[dto.type], actor, dto.body, media.length ? { media } : {});
      if (dto.type !== 'reply') return [];
      ticket.firstRespondedAt ??= this.clock.now();
      return [{ purpose: NoticePurpose.Reply, context: { text: dto.body }, attachments: media.map((m) => m.id) }];
    });
  }

  assertOpen(ticket: Ticket): void {
    if (!OPEN_STATUSES.includes(ticket.status)) {
      throw new TicketException(TicketErrorCode.Closed, `"${STATUS_LABELS[ticket.status]}" durumundaki başvuru değiştirilemez`);
    }
  }

  private async applyAssignee(manager: EntityManager, ticket: Ticket, assigneeId: string): Promise<void> {
    const assignee = await this.users.findActive(manager, assigneeId);
    const inDepartment = assignee && (!DEPARTMENT_ROLES.includes(assignee.role) || assignee.departmentId === ticket.departmentId);
    if (!assignee || !inDepartment) {
      throw new InvalidFieldException('assigneeId', 'assigneeId: bu birimde böyle bir aktif personel yok');
    }
    ticket.assigneeId = assignee.id;
  }

  private async checkMergeTarget(manager: EntityManager, actor: StaffPrincipal, ticket: Ticket, targetId: string): Promise<Ticket> {
    const target = await manager.findOneBy(Ticket, { id: targetId });
    // Another department's ticket is refused as if it did not exist: the answer tells nothing of it.
    const scope = departmentScope(actor);
    if (!target || (scope !== undefined && target.departmentId !== scope) || targetId === ticket.id || target.status === TicketStatus.Merged) {
      throw new InvalidFieldException('mergedIntoId', 'mergedIntoId: birleştirilecek açık bir başvuru yok');
    }
    return target;
  }
}

const STATUS_NOTICE: Partial<Record<TicketStatus, NoticePurpose>> = {
  [TicketStatus.Answered]: NoticePurpose.Answered,
  [TicketStatus.Rejected]: NoticePurpose.Rejected,
  [TicketStatus.Referred]: NoticePurpose.Referred,
  [TicketStatus.Merged]: NoticePurpose.Merged,
  // Asking the citizen for information: the question itself goes to them.
  [TicketStatus.WaitingForCitizen]: NoticePurpose.Reply,
};

/** What the citizen is told when their ticket reaches `status`, if anything. */
function noticeFor(status: TicketStatus, context: TicketNotice['context']): TicketNotice[] {
  const purpose = STATUS_NOTICE[status];
  if (!purpose || (purpose === NoticePurpose.Reply && !context?.text)) return [];
  return [{ purpose, context }];
}
