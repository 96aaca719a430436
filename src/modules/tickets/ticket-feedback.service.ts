import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { canTransition, TicketStatus } from '@app/domain';
import { TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/** A citizen's answer to the satisfaction survey about a ticket, as the ticket records it. */
export interface FeedbackAnswer {
  surveyId: string;
  score: number | null;
  solved: boolean | null;
  comment: string | null;
  via: string;
}

/**
 * What a survey answer does to its ticket: a timeline entry, and — for a bad one, when the
 * lifecycle allows — the ticket reopened for a supervisor's review. The surveys module decides
 * what is bad; the ticket's own rules decide whether it can be reopened.
 */
@Injectable()
export class TicketFeedback {
  constructor(private readonly clock: Clock) {}

  /** Inside the answer's transaction; null when the ticket is gone. `reopened` is the ticket when it was reopened. */
  async answered(manager: EntityManager, ticketId: string, answer: FeedbackAnswer, bad: boolean): Promise<{ reopened: Ticket | null } | null> {
    const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
    if (!ticket) return null;
    const now = this.clock.now();
    const { surveyId, score, solved, via, comment } = answer;
    await appendEvent(manager, ticket.id, TicketEventType.SurveyAnswered, null, comment, { surveyId, score, solved, via });
    if (!bad || !canTransition(ticket.status, TicketStatus.Reopened)) {
      await manager.update(Ticket, { id: ticket.id }, { version: ticket.version + 1, updatedAt: now });
      return { reopened: null };
    }
    const from = ticket.status;
    Object.assign(ticket, {
      status: TicketStatus.Reopened,
      closedAt: null,
      answeredAt: null,
      resolution: null,
      resolutionNote: null,
      needsReview: true,
      version: ticket.version + 1,
      updatedAt: now,
    });
    const { searchText: _omit, ...columns } = ticket;
    await manager.update(Ticket, { id: ticket.id }, columns);
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, null, comment, {
      from,
      to: TicketStatus.Reopened,
      reason: solved === false ? 'survey_not_solved' : 'survey_low_score',
      score,
    });
    return { reopened: ticket };
  }

  /** A second answer changes nothing; staff still see it on the timeline. */
  async ignoredAnswer(manager: EntityManager, ticketId: string, text: string, data: { surveyId: string; via: string }): Promise<void> {
    await appendEvent(manager, ticketId, TicketEventType.SurveyAnswered, null, text, { ...data, ignored: 'already_answered' });
  }

  async trackingNo(manager: EntityManager, ticketId: string): Promise<string | null> {
    const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, select: { id: true, trackingNo: true } });
    return ticket?.trackingNo ?? null;
  }
}
