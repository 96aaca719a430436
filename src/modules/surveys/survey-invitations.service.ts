import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { TicketStatus } from '@app/domain';
import { CitizenNotices, NoticeLocale, NoticePurpose, OutboundChannel, OutboundMessage } from '../notifications';
import { TicketChange, TicketChangeHook, TicketChangeHooks } from '../tickets';
import { TicketSurvey } from './ticket-survey.entity';

/**
 * Answered is when the citizen receives the municipality's answer; closed is the end of a ticket
 * that skipped it (closed while waiting for the citizen). Rejected, referred and merged tickets
 * are not surveyed: the decision is the law's or another body's, and a merged ticket's original is asked.
 */
const SURVEYED: readonly TicketStatus[] = [TicketStatus.Answered, TicketStatus.Closed];

const REPLY_HINT: Record<NoticeLocale, Record<'reply' | 'link', string>> = {
  tr: {
    reply: 'Bu mesaja 1-5 arası bir puanla yanıt verin (5 çok iyi); sorununuz çözülmediyse 0 yazın.',
    link: 'Bağlantıdaki kısa ankette 1-5 arası puan verebilirsiniz.',
  },
  en: {
    reply: 'Reply to this message with a score from 1 to 5 (5 = very good); if your problem was not solved, reply 0.',
    link: 'You can rate us from 1 to 5 at the link below.',
  },
};
const REPLY_CHANNELS: readonly OutboundChannel[] = [OutboundChannel.Sms, OutboundChannel.Whatsapp];

export const surveyUrl = (config: AppConfig, token: string) => `${config.PUBLIC_URL}/anket/${token}`;

/** Asks the citizen, once per resolution of a ticket, how satisfied they are. */
@Injectable()
export class SurveyInvitations implements TicketChangeHook {
  constructor(
    private readonly notices: CitizenNotices,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    hooks: TicketChangeHooks,
  ) {
    hooks.register(this);
  }

  /**
   * Writes the survey and its message in the transaction that answered or closed the ticket.
   * Nothing without the citizen's survey consent or after their opt-out; a ticket answered then
   * closed is asked once, a reopened one again when it is resolved again.
   */
  async inTransaction(manager: EntityManager, { ticket, before }: TicketChange): Promise<OutboundMessage | null> {
    if (!before || before.status === ticket.status || !SURVEYED.includes(ticket.status)) return null;
    const addressee = await this.notices.prepare(manager, ticket, NoticePurpose.Survey);
    if (!addressee) return null;
    const [{ reopened }] = await manager.query(
      `SELECT count(*)::int AS reopened FROM ticket_events WHERE ticket_id = $1 AND type = 'status_changed' AND data->>'to' = $2`,
      [ticket.id, TicketStatus.Reopened],
    );
    const token = randomBytes(18).toString('base64url');
    const hint = REPLY_HINT[addressee.locale][REPLY_CHANNELS.includes(addressee.channel) ? 'reply' : 'link'];
    const message = await this.notices.write(
      manager,
      ticket,
      {
        purpose: NoticePurpose.Survey,
        cause: `r${reopened}`,
        context: { text: hint, surveyUrl: surveyUrl(this.config, token) },
        notBefore: new Date(this.clock.now().getTime() + this.config.SURVEY_DELAY_MINUTES * 60_000),
      },
      addressee,
    );
    // No message = this round was asked already (the dedupe key is the round).
    if (!message) return null;
    await manager.insert(TicketSurvey, {
      ticketId: ticket.id,
      citizenId: addressee.citizenId,
      round: reopened,
      token,
      channel: addressee.channel,
      askedAt: message.notBefore,
    });
    return message;
  }
}
