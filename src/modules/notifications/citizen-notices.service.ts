import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { IdentityKind, TicketChannel, TicketFollowers, TRACKING_NO_SLOT } from '@app/domain';
import { Citizen, CitizensService } from '../citizens';
import { NoticeContext, NoticeLocale, NoticePurpose, renderNotice } from './citizen-notice';
import { chooseDestination, Destination } from './contact-choice';
import { NoticeTemplates } from './notice-templates.service';
import { OutboundMessage } from './outbound-message.entity';
import { MessageIntent, OutboundMessages } from './outbound-messages.service';
import { MunicipalityProfile } from './municipality-profile';
import { afterQuietHours } from './quiet-hours';

export interface CitizenNotice {
  purpose: NoticePurpose;
  /** What makes this notice unique for the ticket (an event, a version); one message per cause. */
  cause: string;
  context?: Partial<NoticeContext>;
  /** Not before this instant (a survey waits a while after the answer); quiet hours still apply after it. */
  notBefore?: Date;
  /**
   * Stored files of the ticket the message carries, by id (never their bytes): each sender
   * sends them in its provider's form — e-mail attachments, WhatsApp documents, links by SMS.
   */
  attachments?: string[];
}

/** The ticket a notice is about, as much as a notice needs of it. */
export interface NoticeTicket {
  id: string;
  trackingNo: string;
  citizenId: string;
  channel: TicketChannel;
}

export interface Addressee extends Destination {
  citizenId: string;
  locale: NoticeLocale;
}

/** Notices a citizen waits for go at once; the rest wait for the end of the quiet hours. */
const URGENT: ReadonlySet<NoticePurpose> = new Set([
  NoticePurpose.Reply,
  NoticePurpose.Answered,
  NoticePurpose.InformationAnswered,
  NoticePurpose.InformationPartial,
  NoticePurpose.InformationRefused,
]);

/**
 * The public page where a citizen follows an application. Tracking numbers (`2026-000123`) need
 * no escaping; nor does TRACKING_NO_SLOT, which SQL fills in with one.
 */
export const statusUrl = (config: AppConfig, trackingNo: string) => `${config.PUBLIC_URL.replace(/\/$/, '')}/basvuru/durum?no=${trackingNo}`;

/**
 * Turns what happened to a ticket into the message its citizen receives: in their language, on
 * their channel, respecting opt-out and consent, held over quiet hours, written in the same
 * transaction as the change that caused it.
 */
@Injectable()
export class CitizenNotices {
  constructor(
    private readonly citizens: CitizensService,
    private readonly outbox: OutboundMessages,
    private readonly municipality: MunicipalityProfile,
    private readonly templates: NoticeTemplates,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, ticket: NoticeTicket, notice: CitizenNotice): Promise<OutboundMessage | null> {
    return this.write(manager, ticket, notice, await this.prepare(manager, ticket, notice.purpose));
  }

  /**
   * Reads who the citizen is and where they may be reached; null when they are not to be told.
   * Intake, which has just loaded the citizen, passes it; the WhatsApp chat matters only to
   * tickets that came on WhatsApp.
   */
  async prepare(
    manager: EntityManager,
    ticket: Pick<NoticeTicket, 'citizenId' | 'channel'>,
    purpose: NoticePurpose,
    loaded?: Citizen,
    chat?: string,
  ): Promise<Addressee | null> {
    const citizen = loaded ?? (await this.citizens.find(manager, ticket.citizenId));
    if (!citizen) return null;
    const whatsapp =
      ticket.channel !== TicketChannel.Whatsapp
        ? null
        : chat
          ? { value: chat }
          : await this.citizens.latestIdentity(manager, citizen.id, IdentityKind.Whatsapp);
    const destination = chooseDestination(ticket.channel, purpose, {
      phone: citizen.phone,
      email: citizen.email,
      whatsapp: whatsapp?.value ?? null,
      contactConsent: citizen.contactConsent === true,
      surveyConsent: citizen.marketingConsent === true,
      optedOut: Boolean(citizen.optedOutAt),
    });
    return destination ? { ...destination, citizenId: citizen.id, locale: citizen.locale === 'en' ? 'en' : 'tr' } : null;
  }

  /** Writes the message for an addressee `prepare` found (split so intake can read before it takes its lock). */
  async write(manager: EntityManager, ticket: NoticeTicket, notice: CitizenNotice, addressee: Addressee | null): Promise<OutboundMessage | null> {
    if (!addressee) return null;
    return this.outbox.record(manager, await this.intent(manager, ticket.id, ticket.trackingNo, notice, addressee));
  }

  /**
   * The messages for new tickets not yet numbered (the receipts of an intake batch), in the
   * order given: their rows go into the statement that numbers the tickets, which fills in the
   * numbers; the messages are dispatched after the commit.
   */
  async draftMany(
    manager: EntityManager,
    notices: { ticket: NoticeTicket; notice: CitizenNotice; addressee: Addressee | null }[],
  ): Promise<{ followers: TicketFollowers; messages: (OutboundMessage | null)[] }> {
    const addressed = notices.filter((n) => n.addressee);
    const intents = [];
    for (const { ticket, notice, addressee } of addressed) intents.push(await this.intent(manager, ticket.id, TRACKING_NO_SLOT, notice, addressee!));
    const { rows, messages } = this.outbox.draftMany(manager, intents);
    const followers = { table: manager.connection.getMetadata(OutboundMessage).tableName, rows, numbered: ['subject', 'body'] };
    return { followers, messages: notices.map((n) => (n.addressee ? messages[addressed.indexOf(n)] : null)) };
  }

  private async intent(manager: EntityManager, ticketId: string, trackingNo: string, notice: CitizenNotice, addressee: Addressee): Promise<MessageIntent> {
    const own = await this.templates.own(manager, notice.purpose, addressee.locale);
    const context = { municipality: this.municipality.name, trackingNo, statusUrl: statusUrl(this.config, trackingNo), ...notice.context };
    const rendered = renderNotice(notice.purpose, addressee.locale, context, own);
    const now = this.clock.now();
    const earliest = notice.notBefore && notice.notBefore > now ? notice.notBefore : now;
    return {
      dedupeKey: `${notice.purpose}-${ticketId}-${notice.cause}`,
      channel: addressee.channel,
      recipient: addressee.recipient,
      purpose: notice.purpose,
      subject: rendered.subject,
      body: rendered.body,
      ticketId,
      citizenId: addressee.citizenId,
      meta: { automatic: notice.purpose !== NoticePurpose.Reply, ...(notice.attachments?.length ? { attachments: notice.attachments } : {}) },
      notBefore: URGENT.has(notice.purpose) ? earliest : afterQuietHours(earliest, this.config.NOTIFY_QUIET_HOURS),
    };
  }
}
