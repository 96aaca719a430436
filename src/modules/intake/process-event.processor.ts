import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { EventJob, JobHandler, QueueName } from '@app/queue';
import { Category } from '../categories/category.entity';
import { CitizensService } from '../citizens/citizens.service';
import { LivePublisher } from '../live/live.publisher';
import { TicketRouter } from '../routing/ticket-router.service';
import { DuplicateDetector } from '../tickets/duplicate-detector.service';
import { TicketCreation } from '../tickets/ticket-creation.service';
import { Ticket } from '../tickets/ticket.entity';
import { searchTextOf } from '../tickets/timeline';
import { CategoriserService } from './categoriser.service';
import { Suggestion } from './categoriser/categoriser';
import { InboundEvent, InboundState } from './inbound-event.entity';
import { INBOUND_TO_TICKET_CHANNEL } from './channel-map';
import { InboundMessage, NORMALISERS, UnusablePayloadError } from './normalisers';
import { Threading } from './threading.service';

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
    private readonly clock: Clock,
  ) {}

  /**
   * One transaction (one commit) reads the event, files it and routes the new ticket. The
   * categoriser's index is refreshed before it: a rebuild must not wait for a pool connection
   * while this transaction holds one.
   */
  @JobHandler(QueueName.Intake, 'process-event')
  async handle({ eventId }: EventJob): Promise<string> {
    const categoriser = await this.categoriser.current();
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
      const suggestion = categoriser.suggest([message.subject, message.text].filter(Boolean).join('\n'));
      const result = await this.apply(manager, event, message, suggestion);
      await manager.update(InboundEvent, { id: event.id }, { state: InboundState.Processed, ticketId: result.ticket.id, processedAt: this.clock.now(), lastError: null });
      return result;
    });
    if (!outcome) return 'stale';
    if (outcome.kind === 'failed') return 'failed';
    const { ticket } = outcome;
    await this.live.publish(ticket, outcome.kind === 'threaded' ? 'message' : ticket.routedAt ? 'routed' : 'created');
    return outcome.kind;
  }

  private async apply(manager: EntityManager, event: InboundEvent, message: InboundMessage, suggestion: Suggestion) {
    const citizen = await this.citizens.findOrCreateByIdentity(manager, message.identity, {
      fullName: message.name ?? null,
      phone: message.phone ?? null,
      email: message.email ?? null,
    });
    const channel = INBOUND_TO_TICKET_CHANNEL[event.channel];
    const open = await this.threading.openTicketFor(manager, citizen.id, channel);
    if (open) {
      await this.threading.append(manager, open, message, event.id);
      return { kind: 'threaded' as const, ticket: open };
    }
    const text = message.text || (message.location ? 'Konum paylaşıldı' : 'Dosya gönderildi');
    const categoryId = message.categoryHint ?? (suggestion.confident ? suggestion.categoryId : null);
    const category = categoryId ? await manager.findOneBy(Category, { id: categoryId, active: true }) : null;
    const mahalleId = message.mahalleHint ?? suggestion.mahalleId;
    const subject = message.subject ?? text.split('\n')[0].slice(0, 120);
    const validMahalleId = mahalleId && (await this.threading.mahalleExists(manager, mahalleId)) ? mahalleId : null;
    const original = await this.duplicates.findOriginal(manager, {
      citizenId: citizen.id,
      categoryId: category?.id ?? null,
      mahalleId: validMahalleId,
      searchText: searchTextOf({ trackingNo: '', subject, description: text, address: null, externalRef: null }, citizen.fullName),
    });
    const ticket: Ticket = await this.tickets.insert(
      manager,
      {
        channel,
        category,
        citizen,
        subject,
        description: text,
        mahalleId: validMahalleId,
        latitude: message.location?.latitude ?? null,
        longitude: message.location?.longitude ?? null,
        triage: !category,
        eventData: {
          eventId: event.id,
          media: message.media,
          location: message.location ?? null,
          suggestion: { categoryId: suggestion.categoryId, score: suggestion.categoryScore, confident: suggestion.confident, matched: suggestion.matched },
        },
      },
      null,
    );
    if (original) await this.duplicates.record(manager, ticket, original);
    if (!ticket.triage) await this.router.route(manager, ticket, category);
    return { kind: 'created' as const, ticket };
  }
}
