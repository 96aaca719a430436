import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { OutboundChannel } from '../notifications';
import { Ticket, TicketFeedback } from '../tickets';
import { InboundChannel, ReplyClaims } from '../intake';
import type { InboundMessage, ReplyClaim, ReplyClaimant } from '../intake';
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

/** The channels whose replies can answer a survey sent on a phone channel. */
const REPLY_VIA: Partial<Record<InboundChannel, AnswerVia>> = {
  [InboundChannel.Sms]: 'sms',
  [InboundChannel.Whatsapp]: 'whatsapp',
};

/** Records a citizen's survey answer and reopens the ticket for a supervisor when it went badly. */
@Injectable()
export class SurveyAnswers implements ReplyClaimant {
  constructor(
    private readonly tickets: TicketFeedback,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    replies: ReplyClaims,
  ) {
    replies.register(this);
  }

  /**
   * Reads a citizen's SMS/WhatsApp message as the answer to their survey, when it parses as one
   * and a survey was asked within the window; null = an ordinary message, threaded as usual.
   * A second answer keeps the first score and only goes to the timeline, where staff see it.
   */
  async claim(manager: EntityManager, citizenId: string, channel: InboundChannel, message: InboundMessage): Promise<ReplyClaim | null> {
    const via = REPLY_VIA[channel];
    if (!via || message.media.length || message.location) return null;
    const reply = parseSurveyReply(message.text);
    if (!reply) return null;
    const survey = await this.awaitingReply(manager, citizenId);
    if (!survey) return null;
    const outcome = await this.record(manager, survey, reply, via);
    if (!outcome) {
      await this.tickets.ignoredAnswer(manager, survey.ticketId, message.text, { surveyId: survey.id, via });
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
    const bad = reply.solved === false || (reply.score !== null && reply.score <= this.config.SURVEY_REOPEN_AT_OR_BELOW);
    const outcome = await this.tickets.answered(
      manager,
      survey.ticketId,
      { surveyId: survey.id, score: reply.score, solved: reply.solved, comment: reply.comment, via },
      bad,
    );
    if (!outcome) return false;
    const now = this.clock.now();
    const reopened = outcome.reopened !== null;
    Object.assign(survey, { ...reply, answeredAt: now, answeredVia: via, reopened });
    await manager.update(
      TicketSurvey,
      { id: survey.id },
      { score: reply.score, solved: reply.solved, comment: reply.comment, answeredAt: now, answeredVia: via, reopened },
    );
    return { survey, reopened: outcome.reopened };
  }
}
