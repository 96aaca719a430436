import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, timeOrderedId } from '@app/common';
import { hidesApplicant, IdentityKind, TicketKind } from '@app/domain';
import { Citizen, CitizensService, identitiesOf } from '../../citizens';
import { storedMediaIds } from '../../media';
import { CitizenNotices, NoticePurpose } from '../../notifications';
import { NeighbourhoodsService } from '../../neighbourhoods';
import { TicketRouter } from '../../routing';
import { DuplicateDetector, searchTextOf, TicketContact, TicketCreation } from '../../tickets';
import { CategoryIndex } from '../categoriser.service';
import { INBOUND_TO_TICKET_CHANNEL } from './channel-map';
import { FilingHooks } from './filing-hooks';
import { InboundEvent, InboundState } from '../inbound-event.entity';
import { Filed, IntakeBatch, suspicionOf } from './intake-batch';
import { InboundMessage, NORMALISERS, UnusablePayloadError } from '../normalisers';
import { ReplyClaims } from './reply-claims';
import { Threading } from './threading.service';

/** What the message itself gave of its sender: the ticket's contact. */
function contactOf(message: InboundMessage): TicketContact {
  const { kind, value } = message.identity;
  return {
    name: message.name ?? null,
    phone: message.phone ?? (kind === IdentityKind.Phone ? value : null),
    email: message.email ?? (kind === IdentityKind.Email ? value : null),
  };
}

/**
 * Files inbound events inside the caller's transaction: each becomes a survey answer, a
 * message on an open ticket or a new ticket (categorised, checked for duplicates, routed,
 * with the citizen's receipt). New tickets wait in the batch and are written together by `write`.
 */
@Injectable()
export class EventFiling {
  constructor(
    private readonly citizens: CitizensService,
    private readonly tickets: TicketCreation,
    private readonly router: TicketRouter,
    private readonly threading: Threading,
    private readonly duplicates: DuplicateDetector,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly notices: CitizenNotices,
    private readonly replies: ReplyClaims,
    private readonly hooks: FilingHooks,
    private readonly clock: Clock,
  ) {}

  /** The event's message, or null after marking the event failed with the reason. */
  async normalise(manager: EntityManager, event: InboundEvent): Promise<InboundMessage | null> {
    try {
      return NORMALISERS[event.channel]!(event.payload);
    } catch (error) {
      if (!(error instanceof UnusablePayloadError)) throw error;
      await manager.update(InboundEvent, { id: event.id }, { state: InboundState.Failed, lastError: error.message, processedAt: this.clock.now() });
      return null;
    }
  }

  /** Looks up every sender of the batch in one query. */
  async lookUpSenders(manager: EntityManager, batch: IntakeBatch, messages: InboundMessage[]): Promise<void> {
    await this.citizens.lookUp(
      manager,
      messages.flatMap((m) => identitiesOf(m.identity, { phone: m.phone, email: m.email })),
      batch.citizens.known,
    );
  }

  async file(manager: EntityManager, batch: IntakeBatch, event: InboundEvent, message: InboundMessage, index: CategoryIndex): Promise<Filed> {
    batch.read.set(event.id, { event, message });
    const details = {
      fullName: message.name ?? null,
      phone: message.phone ?? null,
      email: message.email ?? null,
      ...(message.contactConsent ? { contactConsent: true, consentRecordedAt: this.clock.now() } : {}),
    };
    const citizen = await this.citizens.findOrCreateByIdentity(manager, message.identity, details, batch.citizens);
    const channel = INBOUND_TO_TICKET_CHANNEL[event.channel];
    // "5" or "çözülmedi" after a survey is its answer, not a new application.
    const answer = await this.replies.claim(manager, citizen.id, event.channel, message);
    if (answer) {
      batch.processed.push({ eventId: event.id, ticketId: answer.ticketId, mediaIds: storedMediaIds(message.media) });
      return { kind: 'survey', eventId: event.id, reopened: answer.reopened };
    }
    const continues = !message.startsTicket && !message.thread && this.threading.windowOpen() ? batch.openFor(citizen.id, channel) : null;
    if (continues) return { kind: 'threaded', eventId: event.id, ticket: batch.append(continues, message, event.id) };
    const open = message.startsTicket ? null : await this.threading.ticketToContinue(manager, citizen.id, channel, message);
    if (open) {
      await this.threading.append(manager, open, message, event.id);
      batch.processed.push({ eventId: event.id, ticketId: open.id, mediaIds: storedMediaIds(message.media) });
      return { kind: 'threaded', eventId: event.id, ticket: open };
    }
    const suggestion = index.suggest([message.subject, message.text].filter(Boolean).join('\n'));
    const text =
      message.text ||
      (message.location
        ? 'Konum paylaşıldı'
        : [...message.media, ...(message.pendingMedia ?? [])].some((m) => m.contentType?.startsWith('audio/'))
          ? 'Sesli mesaj bırakıldı'
          : 'Dosya gönderildi');
    const categoryId = message.categoryHint ?? (suggestion.confident ? suggestion.categoryId : null);
    const category = (categoryId && index.categories.get(categoryId)) || null;
    const mahalleId = message.mahalleHint ?? suggestion.mahalleId;
    const subject = message.subject ?? text.split('\n')[0].slice(0, 120);
    const validMahalleId = mahalleId && (await this.mahalleler.cachedActiveIds(manager)).has(mahalleId) ? mahalleId : null;
    const kind = message.kindHint ?? category?.kind ?? TicketKind.Talep;
    const candidate = {
      citizenId: citizen.id,
      kind,
      categoryId: category?.id ?? null,
      mahalleId: validMahalleId,
      // An informant's name is kept out of what ihbar texts are compared and searched by.
      searchText: searchTextOf(
        { trackingNo: '', subject, description: text, address: null, externalRef: null },
        hidesApplicant(kind) ? null : (message.name ?? null),
      ),
    };
    const placement = category
      ? await this.router.plan(manager, { kind, mahalleId: validMahalleId, departmentId: null }, category, batch.assignees)
      : undefined;
    // A referral at once is the first news; otherwise the receipt (routing at intake is part of it).
    const notice = placement?.kind === 'referral' ? placement.notice! : { purpose: NoticePurpose.Received };
    // The answer goes back to the chat the message came from.
    const chat = message.identity.kind === IdentityKind.Whatsapp ? message.identity.value : undefined;
    const addressee = message.automatic ? null : await this.notices.prepare(manager, { citizenId: citizen.id, channel }, notice.purpose, citizen, chat);
    const draft = await this.tickets.draft(
      manager,
      {
        // Chosen here so that the event can point at the ticket before the ticket is written.
        id: timeOrderedId(),
        channel,
        kind,
        category,
        citizen,
        contact: contactOf(message),
        subject,
        description: text,
        // Checked against the category the citizen picked; any other category asks other fields.
        attributes: category && category.id === message.categoryHint ? (message.attributes ?? null) : null,
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
          suggestion: {
            categoryId: suggestion.categoryId,
            score: suggestion.categoryScore,
            confident: suggestion.confident,
            matched: suggestion.matched,
            modelVersion: suggestion.modelVersion,
            top: suggestion.top,
          },
        },
      },
      null,
    );
    const filed = { kind: 'created' as const, eventId: event.id, ticket: draft.ticket, receipt: null };
    batch.created.push({
      draft,
      citizen,
      channel,
      categoryId: category?.id ?? null,
      candidate,
      original: batch.sameCitizenCategory(citizen.id, category?.id ?? null),
      notice: { ...notice, cause: 'intake' },
      addressee,
      filed,
    });
    batch.processed.push({ eventId: event.id, ticketId: draft.ticket.id, mediaIds: storedMediaIds(message.media) });
    return filed;
  }

  /**
   * Writes what the batch filed: the events marked, the new senders, the open tickets the new
   * ones look like found, then the new tickets under their numbers with their receipts and their
   * duplicate marks (one statement; it takes the tracking-number lock); last, what the
   * channels' filing hooks add, once every ticket the batch filed onto exists.
   */
  async write(manager: EntityManager, batch: IntakeBatch): Promise<void> {
    await batch.markProcessed(manager, this.clock.now());
    // A new sender someone else registered a moment ago is theirs: the tickets follow.
    const replaced = await this.citizens.writeDrafts(manager, batch.citizens);
    if (batch.created.length) await this.writeCreated(manager, batch, replaced);
    await this.hooks.run(manager, batch.filedEvents());
  }

  private async writeCreated(manager: EntityManager, batch: IntakeBatch, replaced: Map<string, Citizen>): Promise<void> {
    const originals = await this.duplicates.findOriginals(
      manager,
      batch.created.map((c) => c.candidate),
    );
    batch.created.forEach((c, i) => (c.original = originals[i] ?? c.original));
    for (const c of batch.created) {
      const owner = replaced.get(c.citizen.id);
      if (!owner) continue;
      c.citizen = owner;
      c.draft.ticket.citizenId = owner.id;
      if (c.addressee) c.addressee.citizenId = owner.id;
    }
    const receipts = await this.notices.draftMany(
      manager,
      batch.created.map((c) => ({ ticket: c.draft.ticket, notice: c.notice, addressee: c.addressee })),
    );
    const marks = this.duplicates.marks(
      manager,
      batch.created.flatMap((c) => (c.original ? [suspicionOf(c, c.original)] : [])),
    );
    await this.tickets.insertMany(
      manager,
      batch.created.map((c) => c.draft),
      [receipts.followers, marks.followers],
      marks.linked,
    );
    batch.created.forEach((c, i) => (c.filed.receipt = receipts.messages[i]));
  }
}
