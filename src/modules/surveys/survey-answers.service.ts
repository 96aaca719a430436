import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { OutboundChannel } from '../notifications/outbound-message.entity';
import { TicketEventType } from '../tickets/ticket-event.entity';
import { canTransition, TicketStatus } from '../tickets/ticket-status';
import { Ticket } from '../tickets/ticket.entity';
import { appendEvent } from '../tickets/timeline';
import type { InboundMessage } from '../intake/normalisers/inbound-message';
import { parseSurveyReply, SurveyReply } from './survey-reply';
import { TicketSurvey } from './ticket-survey.entity';

export type AnswerVia = 'sms' | 'whatsapp' | 'link';

export interface AnswerOutcome {
  survey: TicketSurvey;
  /** The ticket, when the answer reopened it (to publish the change after commit). */
  reopened: Ticket | null;
}

/** Phone replies answer a survey sent on either phone channel (a WhatsApp survey may have gone out as SMS). */
const PHONE_CHANNELS: readonly OutboundChannel[] = [OutboundChannel.Sms, OutboundChannel.Whatsapp];

/** Records a citizen's survey answer and reopens the ticket for a supervisor when it went badly. */
@Injectable()
export class SurveyAnswers {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads a citizen's SMS/WhatsApp message as the answer to their survey, when it parses as one
   * and a survey was asked within the window; null = an ordinary message, threaded as usual.
   * A second answer keeps the first score and only goes to the timeline, where staff see it.
   */
  async fromReply(manager: EntityManager, citizenId: string, via: AnswerVia, message: InboundMessage): Promise<{ ticketId: string; reopened: Ticket | null } | null> {
    if (via === 'link' || message.media.length || message.location) return null;
    const reply = parseSurveyReply(message.text);
    if (!reply) return null;
    const survey = await this.awaitingReply(manager, citizenId);
    if (!survey) return null;
    const outcome = await this.record(manager, survey, reply, via);
    if (!outcome) {
      await appendEvent(manager, survey.ticketId, TicketEventType.SurveyAnswered, null, message.text, { surveyId: survey.id, via, ignored: 'already_answered' });
    }
    return { ticketId: survey.ticketId, reopened: outcome ? outcome.reopened : null };
  }

  /** The survey a phone reply from this citizen answers: the last one asked within the window, locked. */
  private async awaitingReply(manager: EntityManager, citizenId: string): Promise<TicketSurvey | null> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.config.SURVEY_REPLY_WINDOW_HOURS * 3600_000);
    return manager
      .createQueryBuilder(TicketSurvey, 's')
      .where('s.citizen_id = :citizenId AND s.channel IN (:...channels)', { citizenId, channels: PHONE_CHANNELS })
      .andWhere('s.asked_at <= :now AND s.asked_at >= :since', { now, since })
      .orderBy('s.asked_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * The first answer counts and a later one changes nothing (false): a score that reopened a
   * ticket must not be erased by a second message. Call with the survey row locked.
   */
  async record(manager: EntityManager, survey: TicketSurvey, reply: SurveyReply, via: AnswerVia): Promise<AnswerOutcome | false> {
    if (survey.answeredAt) return false;
    const ticket = await manager.findOne(Ticket, { where: { id: survey.ticketId }, lock: { mode: 'pessimistic_write' } });
    if (!ticket) return false;
    const now = this.clock.now();
    const badly = reply.solved === false || (reply.score !== null && reply.score <= this.config.SURVEY_REOPEN_AT_OR_BELOW);
    const reopen = badly && canTransition(ticket.status, TicketStatus.Reopened);
    Object.assign(survey, { ...reply, answeredAt: now, answeredVia: via, reopened: reopen });
    await manager.update(TicketSurvey, { id: survey.id }, {
      score: reply.score,
      solved: reply.solved,
      comment: reply.comment,
      answeredAt: now,
      answeredVia: via,
      reopened: reopen,
    });
    await appendEvent(manager, ticket.id, TicketEventType.SurveyAnswered, null, reply.comment, {
      surveyId: survey.id,
      score: reply.score,
      solved: reply.solved,
      via,
    });
    if (!reopen) {
      await manager.update(Ticket, { id: ticket.id }, { version: ticket.version + 1, updatedAt: now });
      return { survey, reopened: null };
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
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, null, reply.comment, {
      from,
      to: TicketStatus.Reopened,
      reason: reply.solved === false ? 'survey_not_solved' : 'survey_low_score',
      score: reply.score,
    });
    return { survey, reopened: ticket };
  }
}
