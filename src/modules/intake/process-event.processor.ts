import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { EventJob, JobHandler, QueueName } from '@app/queue';
import { CitizensService } from '../citizens/citizens.service';
import { LivePublisher } from '../live/live.publisher';
import { NoticePurpose } from '../notifications/citizen-notice';
import { CitizenNotices } from '../notifications/citizen-notices.service';
import { OutboundMessages } from '../notifications/outbound-messages.service';
import { TicketRouter } from '../routing/ticket-router.service';
import { SurveyAnswers } from '../surveys/survey-answers.service';
import { DuplicateDetector } from '../tickets/duplicate-detector.service';
import { TicketCreation } from '../tickets/ticket-creation.service';
import { TicketKind } from '../tickets/ticket-enums';
import { Ticket } from '../tickets/ticket.entity';
import { searchTextOf } from '../tickets/timeline';
import { CategoriserService, CategoryIndex } from './categoriser.service';
import { Suggestion } from './categoriser/categoriser';
import { InboundChannel, InboundEvent, InboundState } from './inbound-event.entity';
import { INBOUND_TO_TICKET_CHANNEL } from './channel-map';
import { InboundMessage, NORMALISERS, UnusablePayloadError } from './normalisers';
import { Threading } from './threading.service';

const SURVEY_REPLY_CHANNELS: Partial<Record<InboundChannel, 'sms' | 'whatsapp'>> = {
  [InboundChannel.Sms]: 'sms',
  [InboundChannel.Whatsapp]: 'whatsapp',
};

/** Turns a stored inbound event into a new ticket or a message on an open one — exactly once. */
@Injectable()
export class ProcessEventProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly citizens: CitizensService,
    private readonly tickets: TicketCreation,
    private readonly router: TicketRouter,
    private readonly threading: Threading,
    private readonly categoriser: CategoriserService,
    private readonly duplicates: DuplicateDetector,
    private readonly live: LivePublisher,
    private readonly notices: CitizenNotices,
    private readonly outbox: OutboundMessages,
    private readonly surveys: SurveyAnswers,
    private readonly clock: Clock,
  ) {}

  /**
   * One transaction (one commit) reads the event, files it and routes the new ticket. The
   * categoriser's index is refreshed before it: a rebuild must not wait for a pool connection
   * while this transaction holds one.
   */
  @JobHandler(QueueName.Intake, 'process-event')
  async handle({ eventId }: EventJob): Promise<string> {
    const index = await this.categoriser.current();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const event = await manager.findOne(InboundEvent, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
      if (!event || event.state !== InboundState.Received) return null;
      let message: InboundMessage;
      try {
        message = NORMALISERS[event.channel]!(event.payload);
      } catch (error) {
        if (!(error instanceof UnusablePayloadError)) throw error;
        await manager.update(InboundEvent, { id: event.id }, { state: InboundState.Failed, lastError: error.message, processedAt: this.clock.now() });
        return { kind: 'failed' as const };
      }
      const suggestion = index.categoriser.suggest([message.subject, message.text].filter(Boolean).join('\n'));
      return this.apply(manager, event, message, suggestion, index.categories);
    });
    if (!outcome) return 'stale';
    if (outcome.kind === 'failed') return 'failed';
    if (outcome.kind === 'survey') {
      if (outcome.reopened) await this.live.publish(outcome.reopened, 'updated');
      return 'survey';
    }
    const { ticket } = outcome;
    if (outcome.kind === 'created') await this.outbox.dispatch([outcome.receipt]);
    await this.live.publish(ticket, outcome.kind === 'threaded' ? 'message' : ticket.routedAt ? 'routed' : 'created');
    return outcome.kind;
  }

  private async apply(manager: EntityManager, event: InboundEvent, message: InboundMessage, suggestion: Suggestion, categories: CategoryIndex['categories']) {
    const citizen = await this.citizens.findOrCreateByIdentity(manager, message.identity, {
      fullName: message.name ?? null,
      phone: message.phone ?? null,
      email: message.email ?? null,
      ...(message.contactConsent ? { contactConsent: true, consentRecordedAt: this.clock.now() } : {}),
    });
    const channel = INBOUND_TO_TICKET_CHANNEL[event.channel];
    // "5" or "çözülmedi" after a survey is its answer, not a new application.
    const via = SURVEY_REPLY_CHANNELS[event.channel];
    const answer = via ? await this.surveys.fromReply(manager, citizen.id, via, message) : null;
    if (answer) {
      await this.markProcessed(manager, event, answer.ticketId);
      return { kind: 'survey' as const, reopened: answer.reopened };
    }
    const open = message.startsTicket ? null : await this.threading.ticketToContinue(manager, citizen.id, channel, message);
    if (open) {
      await this.threading.append(manager, open, message, event.id);
      await this.markProcessed(manager, event, open.id);
      return { kind: 'threaded' as const, ticket: open };
    }
    const text = message.text || (message.location ? 'Konum paylaşıldı' : message.media.some((m) => m.contentType?.startsWith('audio/')) ? 'Sesli mesaj bırakıldı' : 'Dosya gönderildi');
    const categoryId = message.categoryHint ?? (suggestion.confident ? suggestion.categoryId : null);
    const category = (categoryId && categories.get(categoryId)) || null;
    const mahalleId = message.mahalleHint ?? suggestion.mahalleId;
    const subject = message.subject ?? text.split('\n')[0].slice(0, 120);
    const validMahalleId = mahalleId && (await this.threading.mahalleExists(manager, mahalleId)) ? mahalleId : null;
    const original = await this.duplicates.findOriginal(manager, {
      citizenId: citizen.id,
      categoryId: category?.id ?? null,
      mahalleId: validMahalleId,
      searchText: searchTextOf({ trackingNo: '', subject, description: text, address: null, externalRef: null }, citizen.fullName),
    });
    const kind = message.kindHint ?? category?.kind ?? TicketKind.Talep;
    const placement = category ? await this.router.plan(manager, { kind, mahalleId: validMahalleId, departmentId: null }, category) : undefined;
    // The ticket's id is chosen here so that the event can point at it before the ticket is
    // written: the ticket insert takes the tracking-number lock and must come last.
    const ticketId = randomUUID();
    // A referral at once is the first news; otherwise the receipt (routing at intake is part of it).
    const notice = placement?.kind === 'referral' ? placement.notice! : { purpose: NoticePurpose.Received };
    const addressee = message.automatic ? null : await this.notices.prepare(manager, { citizenId: citizen.id, channel }, notice.purpose, citizen);
    await this.markProcessed(manager, event, ticketId);
    const ticket: Ticket = await this.tickets.insert(
      manager,
      {
        id: ticketId,
        channel,
        kind,
        category,
        citizen,
        subject,
        description: text,
        mahalleId: validMahalleId,
        address: message.address ?? null,
        latitude: message.location?.latitude ?? null,
        longitude: message.location?.longitude ?? null,
        triage: !category,
        placement,
        eventData: {
          eventId: event.id,
          media: message.media,
          location: message.location ?? null,
          ...(message.automatic ? { automatic: true } : {}),
          suggestion: { categoryId: suggestion.categoryId, score: suggestion.categoryScore, confident: suggestion.confident, matched: suggestion.matched },
        },
      },
      null,
    );
    if (original) await this.duplicates.record(manager, ticket, original);
    const receipt = await this.notices.write(manager, ticket, { ...notice, cause: 'intake' }, addressee);
    return { kind: 'created' as const, ticket, receipt };
  }

  private markProcessed(manager: EntityManager, event: InboundEvent, ticketId: string): Promise<unknown> {
    return manager.update(InboundEvent, { id: event.id }, { state: InboundState.Processed, ticketId, processedAt: this.clock.now(), lastError: null });
  }
}
