import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { endOfWorkingDays } from '@app/calendar';
import { Clock, InvalidFieldException, turkishDate } from '@app/common';
import { canTransition, LegalBasis, OPEN_STATUSES, StaffPrincipal, STATUS_LABELS, TicketStatus } from '@app/domain';
import { NoticePurpose } from '../../notifications';
import { BusinessCalendarService, ClockSubject, DeadlinePoliciesService, SlaClocks } from '../../sla';
import { TicketErrorCode, TicketException } from '../ticket-errors';
import { TicketEvent, TicketEventType } from '../ticket-event.entity';
import { TicketLock, TicketNotice } from '../ticket-lock.service';
import { Ticket } from '../ticket.entity';
import { appendEvent } from '../timeline';
import { describeExemptions, FEE_PAYMENT_WORKING_DAYS } from './exemptions';
import { FeeNoticeDto, InformationDecisionDto } from './information.dto';
import { InformationDecision, InformationRequest } from './information-request.entity';

const EXTENDED_WORKING_DAYS = 30;
const NOTICE: Record<InformationDecisionDto['decision'], NoticePurpose> = {
  granted: NoticePurpose.InformationAnswered,
  partly_granted: NoticePurpose.InformationPartial,
  refused: NoticePurpose.InformationRefused,
};

const lira = (amount: number) => `${amount.toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} TL`;
const refuse = (message: string) => new TicketException(TicketErrorCode.InformationStep, message);

/**
 * Law 4982's own steps on a bilgi edinme ticket: the access fee (its notice interrupts the
 * period; unpaid within 15 working days the application is withdrawn; payment starts the period
 * again), and the decision — granted, partly granted, refused — with the exemption articles and
 * reasons the applicant is told, with the remedies.
 */
@Injectable()
export class InformationRequests {
  constructor(
    private readonly lock: TicketLock,
    private readonly calendars: BusinessCalendarService,
    private readonly clocks: SlaClocks,
    private readonly policies: DeadlinePoliciesService,
    private readonly clock: Clock,
  ) {}

  async notifyFee(actor: StaffPrincipal, id: string, dto: FeeNoticeDto): Promise<Ticket> {
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      const record = await this.open4982(manager, ticket);
      if (record.feeNotifiedAt && !record.feePaidAt) throw refuse('Bu başvuru için bildirilmiş ve ödenmemiş bir ücret var');
      this.assertCanMove(ticket, TicketStatus.WaitingForCitizen);
      const now = this.clock.now();
      const feeDueAt = endOfWorkingDays(await this.calendars.cached(manager), now, FEE_PAYMENT_WORKING_DAYS);
      await manager.update(InformationRequest, { ticketId: ticket.id }, { feeAmount: dto.amount, feeNotifiedAt: now, feeDueAt, feePaidAt: null });
      await this.statusEvent(manager, ticket, TicketStatus.WaitingForCitizen, actor, `Erişim ücreti bildirildi: ${lira(dto.amount)}`);
      await appendEvent(manager, ticket.id, TicketEventType.FeeNotified, actor, dto.note ?? null, { amount: dto.amount, feeDueAt });
      return [{ purpose: NoticePurpose.FeeNotice, context: { amount: lira(dto.amount), payBy: turkishDate(feeDueAt), text: dto.note ?? null } }];
    });
  }

  /** Paid: the period interrupted by the notice starts again in full (15 working days, 30 when extended). */
  async feePaid(actor: StaffPrincipal, id: string, version: number): Promise<Ticket> {
    return this.lock.mutate(actor, id, version, async (ticket, manager) => {
      const record = await this.open4982(manager, ticket);
      if (!record.feeNotifiedAt || record.feePaidAt) throw refuse('Bu başvuru için ödenmesi beklenen bir ücret yok');
      const now = this.clock.now();
      const extended = await manager.existsBy(TicketEvent, { ticketId: ticket.id, type: TicketEventType.DeadlineExtended });
      const policy = (await this.policies.cached(manager)).find((p) => p.id === ticket.deadlinePolicyId);
      const days = extended ? EXTENDED_WORKING_DAYS : (policy?.resolutionAmount ?? 15);
      const dueAt = endOfWorkingDays(await this.calendars.cached(manager), now, days);
      await this.clocks.interrupt(manager, { subjectType: ClockSubject.Ticket, subjectId: ticket.id }, now, dueAt, policy?.warningRatio ?? 0.75);
      await manager.update(InformationRequest, { ticketId: ticket.id }, { feePaidAt: now });
      await this.statusEvent(manager, ticket, TicketStatus.InProgress, actor, 'Erişim ücreti ödendi');
      ticket.resolutionDueAt = dueAt;
      await appendEvent(manager, ticket.id, TicketEventType.FeePaid, actor, null, { dueAt, workingDays: days });
    });
  }

  async decide(actor: StaffPrincipal, id: string, dto: InformationDecisionDto): Promise<Ticket> {
    const exemptions = dto.exemptions ?? [];
    if (dto.decision !== InformationDecision.Granted && !exemptions.length) {
      throw new InvalidFieldException(
        'exemptions',
        'exemptions: ret veya kısmi yanıt, dayandığı 4982 sayılı Kanun maddesini (15–28) ve gerekçesini belirtmeli',
      );
    }
    if (dto.decision === InformationDecision.Granted && exemptions.length) {
      throw new InvalidFieldException('exemptions', 'exemptions: tam olarak karşılanan başvuruda istisna maddesi olmaz');
    }
    return this.lock.mutate(actor, id, dto.version, async (ticket, manager) => {
      await this.open4982(manager, ticket);
      const to = dto.decision === InformationDecision.Refused ? TicketStatus.Rejected : TicketStatus.Answered;
      this.assertCanMove(ticket, to);
      const now = this.clock.now();
      if (to === TicketStatus.Answered) {
        Object.assign(ticket, { answeredAt: now, resolution: 'answered', resolutionNote: dto.text });
        ticket.firstRespondedAt ??= now;
      } else Object.assign(ticket, { closedAt: now, resolution: 'rejected', resolutionNote: dto.text });
      const described = describeExemptions(exemptions);
      await this.record(
        manager,
        ticket.id,
        dto.decision,
        exemptions.map((e) => e.article),
        described || null,
        actor,
        now,
      );
      await this.statusEvent(manager, ticket, to, actor, dto.text);
      if (to === TicketStatus.Answered) await appendEvent(manager, ticket.id, TicketEventType.ReplyOut, actor, dto.text);
      await appendEvent(manager, ticket.id, TicketEventType.InformationDecided, actor, described || null, { decision: dto.decision, exemptions });
      const notice: TicketNotice = { purpose: NOTICE[dto.decision], context: { text: dto.text, exemptions: described || null } };
      return [notice];
    });
  }

  /** A 4982 ticket answered through the plain status change is granted in full. */
  async answeredPlainly(manager: EntityManager, ticket: Ticket, actor: StaffPrincipal, at: Date): Promise<void> {
    if (ticket.legalBasis !== LegalBasis.Law4982) return;
    await this.record(manager, ticket.id, InformationDecision.Granted, [], null, actor, at);
  }

  /** The fee not paid by its date: the application is taken as withdrawn and closed (by the system). */
  async withdrawUnpaid(id: string): Promise<boolean> {
    let withdrawn = false;
    await this.lock.mutate(null, id, null, async (ticket, manager) => {
      const record = await manager.findOneBy(InformationRequest, { ticketId: ticket.id });
      const now = this.clock.now();
      const due = record?.feeDueAt && !record.feePaidAt && !record.decision && record.feeDueAt <= now;
      if (!due || ticket.status !== TicketStatus.WaitingForCitizen) return [];
      Object.assign(ticket, { closedAt: now, resolution: 'withdrawn', resolutionNote: 'Erişim ücreti süresinde ödenmedi' });
      await this.record(manager, ticket.id, InformationDecision.Withdrawn, [], null, null, now);
      await this.statusEvent(manager, ticket, TicketStatus.Closed, null, 'Erişim ücreti süresinde ödenmediği için başvurudan vazgeçilmiş sayıldı');
      withdrawn = true;
      return [{ purpose: NoticePurpose.Withdrawn, context: { payBy: turkishDate(record.feeDueAt!) } }];
    });
    return withdrawn;
  }

  /** The application's 4982 record, created on first use; refuses other tickets and closed ones. */
  private async open4982(manager: EntityManager, ticket: Ticket): Promise<InformationRequest> {
    if (ticket.legalBasis !== LegalBasis.Law4982) throw refuse('Bu işlem yalnızca 4982 sayılı Kanun kapsamındaki bilgi edinme başvurularında yapılır');
    if (!OPEN_STATUSES.includes(ticket.status)) throw refuse(`"${STATUS_LABELS[ticket.status]}" durumundaki başvuru değiştirilemez`);
    await manager.createQueryBuilder().insert().into(InformationRequest).values({ ticketId: ticket.id }).orIgnore().execute();
    return manager.findOneByOrFail(InformationRequest, { ticketId: ticket.id });
  }

  private async record(
    manager: EntityManager,
    ticketId: string,
    decision: InformationDecision,
    exemptionArticles: number[],
    decisionReason: string | null,
    actor: StaffPrincipal | null,
    at: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(InformationRequest)
      .values({ ticketId, decision, exemptionArticles, decisionReason, decidedAt: at, decidedById: actor?.id ?? null })
      .orUpdate(['decision', 'exemption_articles', 'decision_reason', 'decided_at', 'decided_by_id'], ['ticket_id'])
      .execute();
  }

  private assertCanMove(ticket: Ticket, to: TicketStatus): void {
    if (!canTransition(ticket.status, to)) {
      throw new TicketException(
        TicketErrorCode.InvalidTransition,
        `"${STATUS_LABELS[ticket.status]}" durumundaki başvuru "${STATUS_LABELS[to]}" durumuna geçemez`,
      );
    }
  }

  /** The status change and its timeline entry, as the reports' read model reads them. */
  private async statusEvent(manager: EntityManager, ticket: Ticket, to: TicketStatus, actor: StaffPrincipal | null, body: string): Promise<void> {
    const from = ticket.status;
    ticket.status = to;
    ticket.needsReview = false;
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, actor, body, { from, to });
  }
}
