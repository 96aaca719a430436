import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { LegalBasis, OPEN_STATUSES, TicketStatus } from '@app/domain';
import { BusinessCalendarService, ClockSubject, DeadlinePoliciesService, dueDatesFor, SlaClocks } from '../sla';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

const EXTENDED_WORKING_DAYS = 30;

export interface DeadlineState {
  dueAt: Date;
  warningAt: Date | null;
  level: number;
  paused: boolean;
  stopped: boolean;
  running: boolean;
  pausedWorkingMinutes: number;
  remainingWorkingMinutes: number | null;
}

/**
 * Keeps a ticket's deadline clock in step with its status: waiting for the citizen pauses it,
 * their answer resumes it (the due date moves by the paused working time), an answer or a
 * closing stops it, a reopening lets the ladder go on. Every pause is on the timeline.
 */
@Injectable()
export class TicketDeadlines {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: SlaClocks,
    private readonly calendars: BusinessCalendarService,
    private readonly policies: DeadlinePoliciesService,
    private readonly clock: Clock,
  ) {}

  /** A transfer keeps the clock running, unless the ticket's policy restarts it for the receiving department. */
  async transferred(manager: EntityManager, ticket: Ticket): Promise<void> {
    const policy = (await this.policies.cached(manager)).find((p) => p.id === ticket.deadlinePolicyId);
    if (!policy?.restartOnTransfer) return;
    const now = this.clock.now();
    const due = dueDatesFor(policy, now, await this.calendars.cached(manager));
    await this.clocks.reset(manager, { subjectType: ClockSubject.Ticket, subjectId: ticket.id }, policy, now, due.resolutionDueAt);
    Object.assign(ticket, { firstResponseDueAt: due.firstResponseDueAt, resolutionDueAt: due.resolutionDueAt });
    await appendEvent(manager, ticket.id, TicketEventType.DeadlineResumed, null, 'Aktarma ile süre yeniden başladı', {
      restarted: true,
      dueAt: due.resolutionDueAt,
    });
  }

  /** Where the ticket's clock stands: due, paused, the ladder step reached, and the working time left. */
  async state(ticketId: string): Promise<DeadlineState | null> {
    const clock = await this.clocks.find({ subjectType: ClockSubject.Ticket, subjectId: ticketId });
    if (!clock) return null;
    const calendar = await this.calendars.cached(this.dataSource.manager);
    const running = !clock.stoppedAt && !clock.pausedAt;
    const from = clock.pausedAt ?? this.clock.now();
    return {
      dueAt: clock.dueAt,
      warningAt: clock.warningAt,
      level: clock.level,
      paused: Boolean(clock.pausedAt),
      stopped: Boolean(clock.stoppedAt),
      pausedWorkingMinutes: clock.pausedMinutes,
      // Negative once overdue; frozen while paused.
      remainingWorkingMinutes: clock.stoppedAt ? null : Math.round(calendar.workingMinutesBetween(from, clock.dueAt)),
      running,
    };
  }

  /** Law 4982 art. 11: once, before the 15 working days run out, to 30 working days from the application. */
  async extend(manager: EntityManager, ticket: Ticket, reason: string): Promise<Date> {
    const refuse = (message: string) => new TicketException(TicketErrorCode.ExtensionRefused, message);
    if (ticket.legalBasis !== LegalBasis.Law4982) throw refuse('Süre uzatımı yalnızca 4982 sayılı Kanun kapsamındaki bilgi edinme başvurularında yapılır');
    const already = await manager.existsBy(TicketEvent, { ticketId: ticket.id, type: TicketEventType.DeadlineExtended });
    if (already) throw refuse('Bu başvurunun süresi bir kez uzatıldı; ikinci kez uzatılamaz');
    const now = this.clock.now();
    if (!ticket.resolutionDueAt || ticket.resolutionDueAt <= now) throw refuse('15 iş günlük süre doldu; uzatma bu süre içinde başvurana bildirilmeliydi');
    const policy = (await this.policies.cached(manager)).find((p) => p.id === ticket.deadlinePolicyId);
    const dueAt = await this.clocks.extend(
      manager,
      { subjectType: ClockSubject.Ticket, subjectId: ticket.id },
      EXTENDED_WORKING_DAYS,
      policy?.warningRatio ?? 0.75,
    );
    if (!dueAt) throw refuse('Bu başvurunun işleyen bir süresi yok');
    await appendEvent(manager, ticket.id, TicketEventType.DeadlineExtended, null, reason, { from: ticket.resolutionDueAt, to: dueAt });
    ticket.resolutionDueAt = dueAt;
    return dueAt;
  }

  async follow(manager: EntityManager, ticket: Ticket, from: TicketStatus): Promise<void> {
    const to = ticket.status;
    if (from === to) return;
    const ref = { subjectType: ClockSubject.Ticket, subjectId: ticket.id };
    const now = this.clock.now();
    if (to === TicketStatus.WaitingForCitizen) {
      if (await this.clocks.pause(manager, ref, now)) {
        await appendEvent(manager, ticket.id, TicketEventType.DeadlinePaused, null, 'Süre, vatandaştan bilgi beklenirken durduruldu', { at: now });
      }
      return;
    }
    if (!OPEN_STATUSES.includes(to)) return this.clocks.stop(manager, ref, now);
    if (from === TicketStatus.WaitingForCitizen) {
      const resumed = await this.clocks.resume(manager, ref, now);
      if (resumed) {
        ticket.resolutionDueAt = resumed.dueAt;
        await appendEvent(manager, ticket.id, TicketEventType.DeadlineResumed, null, 'Süre yeniden işliyor', {
          pausedWorkingMinutes: resumed.minutes,
          dueAt: resumed.dueAt,
        });
      }
    }
    if (to === TicketStatus.Reopened) await this.clocks.restart(manager, ref);
  }
}
