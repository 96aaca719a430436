import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { canTransition, StaffPrincipal, STATUS_LABELS, TicketStatus } from '@app/domain';
import { NoticePurpose } from '../notifications';
import { InformationRequests } from './information/information-requests.service';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { TicketEventType } from './ticket-event.entity';
import { TicketLock, TicketNotice } from './ticket-lock.service';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/** An answer written elsewhere — a knowledge-base article, an incident's one answer — given to one ticket. */
export interface PresetAnswer {
  text: string;
  /** What makes the citizen's message unique: one message per ticket and cause, however often this runs. */
  cause: string;
  /** Why the answer came (which article, which incident), kept on the timeline. */
  data: Record<string, unknown>;
  /** Not before this instant: a big incident's notices are spread within the providers' rate limits. */
  notBefore?: Date;
  /** The ticket's version the caller saw; null when it does not matter (an incident answers what is linked). */
  version: number | null;
  /** Rows that count the answer (an article's use), written in the answer's own transaction. */
  also?: (manager: EntityManager) => Promise<unknown>;
}

/**
 * Answers a ticket with a preset text in one step, as a status change to "answered" does: the
 * timeline, the Law 4982 record, and the answer to the citizen on their channel through the outbox.
 */
@Injectable()
export class TicketAnswers {
  constructor(
    private readonly lock: TicketLock,
    private readonly information: InformationRequests,
    private readonly clock: Clock,
  ) {}

  /** By staff, within their reach; a ticket no longer open is refused. */
  async answer(actor: StaffPrincipal, id: string, answer: PresetAnswer): Promise<Ticket> {
    return this.lock.mutate(actor, id, answer.version, async (ticket, manager) => {
      if (!canTransition(ticket.status, TicketStatus.Answered)) {
        throw new TicketException(TicketErrorCode.InvalidTransition, `"${STATUS_LABELS[ticket.status]}" durumundaki başvuru yanıtlanamaz`);
      }
      return this.write(actor, ticket, manager, answer);
    });
  }

  /**
   * By the system on behalf of `by` (an incident answered): whatever the department; a ticket that
   * is no longer open (answered already, by an earlier run or by hand) is left as it is — false.
   */
  async answerOnBehalf(by: StaffPrincipal, id: string, answer: PresetAnswer): Promise<boolean> {
    let answered = false;
    await this.lock.mutate(null, id, null, async (ticket, manager) => {
      if (!canTransition(ticket.status, TicketStatus.Answered)) return [];
      answered = true;
      return this.write(by, ticket, manager, answer);
    });
    return answered;
  }

  private async write(by: StaffPrincipal, ticket: Ticket, manager: EntityManager, answer: PresetAnswer): Promise<TicketNotice[]> {
    const now = this.clock.now();
    const from = ticket.status;
    Object.assign(ticket, { status: TicketStatus.Answered, needsReview: false, answeredAt: now, resolution: 'answered', resolutionNote: answer.text });
    ticket.firstRespondedAt ??= now;
    await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, by, answer.text, { from, to: TicketStatus.Answered, ...answer.data });
    await appendEvent(manager, ticket.id, TicketEventType.ReplyOut, by, answer.text, answer.data);
    await this.information.answeredPlainly(manager, ticket, by, now);
    await answer.also?.(manager);
    return [{ purpose: NoticePurpose.Answered, cause: answer.cause, context: { text: answer.text }, notBefore: answer.notBefore }];
  }
}
