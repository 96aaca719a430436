import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { ClockSubject } from '../sla/sla-clock.entity';
import { SlaClocks } from '../sla/sla-clocks.service';
import { TicketEventType } from './ticket-event.entity';
import { OPEN_STATUSES, TicketStatus } from './ticket-status';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/**
 * Keeps a ticket's deadline clock in step with its status: waiting for the citizen pauses it,
 * their answer resumes it (the due date moves by the paused working time), an answer or a
 * closing stops it, a reopening lets the ladder go on. Every pause is on the timeline.
 */
@Injectable()
export class TicketDeadlines {
  constructor(
    private readonly clocks: SlaClocks,
    private readonly clock: Clock,
  ) {}

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
