import { EntityManager } from 'typeorm';
import { foldTurkish } from '@app/common';
import { queryPrepared } from '@app/database';
import { TicketChannel, TRACKING_NO_SLOT } from '@app/domain';
import { Citizen, CitizenBatch } from '../../citizens';
import { linkMediaToTickets, storedMediaIds } from '../../media';
import { Addressee, CitizenNotice, OutboundMessage } from '../../notifications';
import { Candidate, Original, Suspicion, Ticket, TicketDraft, TicketEventType } from '../../tickets';
import { FiledEvent } from './filing-hooks';
import { InboundEvent } from '../inbound-event.entity';
import { InboundMessage } from '../normalisers';
import { ReplyClaim } from './reply-claims';

/** What filing one event came to; `created` gets its receipt once the batch is written. */
export type Filed =
  | { kind: 'failed'; eventId: string }
  | { kind: 'survey'; eventId: string; reopened: ReplyClaim['reopened'] }
  | { kind: 'threaded'; eventId: string; ticket: Ticket }
  | { kind: 'created'; eventId: string; ticket: Ticket; receipt: OutboundMessage | null };

/** A new ticket of the batch, drafted and waiting for the batch's one numbered insert. */
export interface NewInBatch {
  draft: TicketDraft;
  citizen: Citizen;
  channel: TicketChannel;
  categoryId: string | null;
  /** What the duplicate search looks for, in the database when the batch is written. */
  candidate: Candidate;
  /** An open ticket in the database, or else an earlier new ticket of this batch, that this one looks like. */
  original: Original | NewInBatch | null;
  notice: CitizenNotice;
  addressee: Addressee | null;
  filed: Extract<Filed, { kind: 'created' }>;
}

/**
 * The events one intake transaction files. New tickets are drafted here and written together
 * at the end (one numbered insert takes the tracking-number lock once, last); a later message
 * of the batch from the same citizen on the same channel joins the new ticket as it would
 * have joined it a moment later.
 */
export class IntakeBatch {
  /** The senders: their identities looked up together before the events are filed, new citizens written with the tickets. */
  readonly citizens: CitizenBatch = { known: new Map(), drafts: [] };
  readonly created: NewInBatch[] = [];
  /** inbound event → the ticket it became or joined, with the files it brought */
  readonly processed: { eventId: string; ticketId: string; mediaIds?: string[] }[] = [];
  /** The events being filed, with what they said, for the channels' filing hooks. */
  readonly read = new Map<string, { event: InboundEvent; message: InboundMessage }>();

  /** Every assignee given a ticket in this batch, in order (for the round-robin and the cap). */
  get assignees(): string[] {
    return this.created.map((c) => c.draft.ticket.assigneeId).filter((id): id is string => !!id);
  }

  /** The batch's new ticket this citizen's message continues, when it continues one. */
  openFor(citizenId: string, channel: TicketChannel): NewInBatch | null {
    return this.created.findLast((c) => c.citizen.id === citizenId && c.channel === channel) ?? null;
  }

  /** An earlier new ticket of this batch from the same citizen in the same category. */
  sameCitizenCategory(citizenId: string, categoryId: string | null): NewInBatch | null {
    if (!categoryId) return null;
    return this.created.find((c) => c.citizen.id === citizenId && c.categoryId === categoryId) ?? null;
  }

  /** The message joins a ticket of this batch: one more timeline entry, written with the ticket. */
  append(to: NewInBatch, message: InboundMessage, eventId: string): Ticket {
    const { ticket, entries } = to.draft;
    entries.push({
      type: TicketEventType.MessageIn,
      body: message.text || null,
      data: { eventId, media: message.media, location: message.location ?? null, ...(message.automatic ? { automatic: true } : {}) },
    });
    if (message.location && ticket.latitude === null) Object.assign(ticket, { latitude: message.location.latitude, longitude: message.location.longitude });
    if (message.address && !ticket.address) {
      ticket.address = message.address;
      // The search text was taken when the ticket was drafted, without the address.
      to.draft.searchTextAfterNumber = `${to.draft.searchTextAfterNumber} ${foldTurkish(message.address)}`;
    }
    this.processed.push({ eventId, ticketId: ticket.id, mediaIds: storedMediaIds(message.media) });
    return ticket;
  }

  /** Every event filed onto a ticket, with what it said. */
  filedEvents(): FiledEvent[] {
    return this.processed.flatMap(({ eventId, ticketId }) => {
      const read = this.read.get(eventId);
      return read ? [{ ...read, ticketId }] : [];
    });
  }

  /** Marks the batch's events processed, each pointing at its ticket (one statement), and gives their files to those tickets. */
  async markProcessed(manager: EntityManager, at: Date): Promise<void> {
    if (!this.processed.length) return;
    await linkMediaToTickets(
      manager,
      this.processed.flatMap((p) => (p.mediaIds ?? []).map((mediaId) => ({ mediaId, ticketId: p.ticketId }))),
    );
    await queryPrepared(
      manager,
      `UPDATE inbound_events e SET state = 'processed', ticket_id = x.ticket_id, processed_at = $3, last_error = NULL
         FROM unnest($1::uuid[], $2::uuid[]) AS x(id, ticket_id)
        WHERE e.id = x.id`,
      [this.processed.map((p) => p.eventId), this.processed.map((p) => p.ticketId), at],
    );
  }
}

/** The duplicate mark of a new ticket that looks like `original`: one in the database, or an earlier new ticket of the batch. */
export function suspicionOf(c: NewInBatch, original: Original | NewInBatch): Suspicion {
  if ('id' in original) return { ticketId: c.draft.ticket.id, original, originalIsNew: false };
  return {
    ticketId: c.draft.ticket.id,
    original: { id: original.draft.ticket.id, trackingNo: TRACKING_NO_SLOT, reason: 'same_citizen_category' },
    originalIsNew: true,
  };
}
