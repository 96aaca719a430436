import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, endOfWorkingDays, localDateOf } from '@app/calendar';
import { Clock, InvalidFieldException } from '@app/common';
import { canTransition, StaffPrincipal, TicketStatus } from '@app/domain';
import { BusinessCalendarService } from '../../sla';
import { assertVisible } from '../ticket-access';
import { TicketErrorCode, TicketException } from '../ticket-errors';
import { TicketEventType } from '../ticket-event.entity';
import { TicketLock } from '../ticket-lock.service';
import { Ticket } from '../ticket.entity';
import { appendEvent } from '../timeline';
import { KURUL_WORKING_DAYS, OBJECTION_DAYS } from './exemptions';
import { ObjectionDto, ObjectionOutcomeDto } from './information.dto';
import { InformationObjection, ObjectionOutcome } from './information-objection.entity';
import { InformationDecision, InformationRequest } from './information-request.entity';

/** Where a Law 4982 application stands, with its objections. */
export interface InformationView {
  ticketId: string;
  decision: InformationDecision | null;
  exemptionArticles: number[];
  decisionReason: string | null;
  decidedAt: Date | null;
  fee: { amount: number | null; notifiedAt: Date | null; dueAt: Date | null; paidAt: Date | null } | null;
  objections: InformationObjection[];
}

const refuse = (message: string) => new TicketException(TicketErrorCode.InformationStep, message);

/**
 * Objections to the Bilgi Edinme Değerlendirme Kurulu (Law 4982 art. 13), linked to the
 * application they challenge and tracked to the Kurul's decision; a decision that the
 * information must be given reopens the application for its department.
 */
@Injectable()
export class InformationObjections {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lock: TicketLock,
    private readonly calendars: BusinessCalendarService,
    private readonly clock: Clock,
  ) {}

  async view(actor: StaffPrincipal, ticketId: string): Promise<InformationView> {
    assertVisible(await this.dataSource.manager.findOneBy(Ticket, { id: ticketId }), actor);
    const record = await this.dataSource.manager.findOneBy(InformationRequest, { ticketId });
    const objections = await this.dataSource.manager.find(InformationObjection, { where: { ticketId }, order: { createdAt: 'ASC' } });
    return {
      ticketId,
      decision: record?.decision ?? null,
      exemptionArticles: record?.exemptionArticles ?? [],
      decisionReason: record?.decisionReason ?? null,
      decidedAt: record?.decidedAt ?? null,
      fee: record?.feeNotifiedAt ? { amount: record.feeAmount, notifiedAt: record.feeNotifiedAt, dueAt: record.feeDueAt, paidAt: record.feePaidAt } : null,
      objections,
    };
  }

  async add(actor: StaffPrincipal, ticketId: string, dto: ObjectionDto): Promise<InformationObjection> {
    let saved: InformationObjection | undefined;
    await this.lock.mutate(actor, ticketId, null, async (ticket, manager) => {
      const record = await manager.findOneBy(InformationRequest, { ticketId: ticket.id });
      if (!record?.decidedAt || ![InformationDecision.Refused, InformationDecision.PartlyGranted].includes(record.decision!)) {
        throw refuse('İtiraz yalnızca reddedilen veya kısmen karşılanan bir bilgi edinme başvurusuna yapılır');
      }
      const decidedOn = localDateOf(record.decidedAt);
      if (dto.filedOn < decidedOn) throw new InvalidFieldException('filedOn', 'filedOn: itiraz karardan önce olamaz');
      if (dto.filedOn > localDateOf(this.clock.now())) throw new InvalidFieldException('filedOn', 'filedOn: ileri bir tarih olamaz');
      const calendar = await this.calendars.cached(manager);
      saved = await manager.save(
        manager.create(InformationObjection, {
          ticketId: ticket.id,
          filedOn: dto.filedOn,
          // Told on the day of the decision at the earliest: a later objection may be out of time.
          late: dto.filedOn > addDays(decidedOn, OBJECTION_DAYS),
          kurulRef: dto.kurulRef ?? null,
          decisionDueAt: endOfWorkingDays(calendar, new Date(`${dto.filedOn}T12:00:00+03:00`), KURUL_WORKING_DAYS),
          note: dto.note ?? null,
          recordedById: actor.id,
        }),
      );
      await appendEvent(manager, ticket.id, TicketEventType.Objection, actor, dto.note ?? null, {
        objectionId: saved.id,
        filedOn: dto.filedOn,
        kurulRef: saved.kurulRef,
        late: saved.late,
      });
    });
    return saved!;
  }

  /** The Kurul's decision; one that the information must be given reopens the application. */
  async decide(actor: StaffPrincipal, ticketId: string, objectionId: string, dto: ObjectionOutcomeDto): Promise<InformationObjection> {
    let saved: InformationObjection | undefined;
    await this.lock.mutate(actor, ticketId, null, async (ticket, manager) => {
      const objection = await manager.findOneBy(InformationObjection, { id: objectionId, ticketId: ticket.id });
      if (!objection) throw new InvalidFieldException('objectionId', 'objectionId: bu başvuruya ait böyle bir itiraz yok');
      if (objection.outcome) throw refuse('Bu itiraz için Kurul kararı zaten kaydedildi');
      if (dto.decidedOn < objection.filedOn) throw new InvalidFieldException('decidedOn', 'decidedOn: karar itirazdan önce olamaz');
      Object.assign(objection, { outcome: dto.outcome, decidedOn: dto.decidedOn, note: dto.note ?? objection.note });
      saved = await manager.save(objection);
      await appendEvent(manager, ticket.id, TicketEventType.Objection, actor, dto.note ?? null, {
        objectionId,
        outcome: dto.outcome,
        decidedOn: dto.decidedOn,
      });
      if (dto.outcome !== ObjectionOutcome.Upheld && canTransition(ticket.status, TicketStatus.Reopened)) {
        const from = ticket.status;
        Object.assign(ticket, { status: TicketStatus.Reopened, closedAt: null, answeredAt: null, resolution: null, resolutionNote: null });
        await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, actor, 'Bilgi Edinme Değerlendirme Kurulu kararıyla yeniden açıldı', {
          from,
          to: TicketStatus.Reopened,
          objectionId,
        });
      }
    });
    return saved!;
  }
}
