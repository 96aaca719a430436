import { EntityManager } from 'typeorm';
import { foldTurkish } from '@app/common';
import { TRACKING_NO_SLOT } from '@app/domain';
import { StaffPrincipal } from '@app/domain';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

/** A timeline entry not yet written; its texts may hold TRACKING_NO_SLOT. */
export interface TimelineEntry {
  type: TicketEventType;
  actor?: StaffPrincipal | null;
  body?: string | null;
  data?: Record<string, unknown>;
}

/** The entry with TRACKING_NO_SLOT in its texts replaced by the number. */
export function filledEntry(entry: TimelineEntry, trackingNo: string): TimelineEntry {
  const fill = (text: string) => text.replaceAll(TRACKING_NO_SLOT, trackingNo);
  return { ...entry, body: entry.body ? fill(entry.body) : null, data: JSON.parse(fill(JSON.stringify(entry.data ?? {}))) };
}

/** Writes several entries, in order, in one statement. */
export function appendEvents(manager: EntityManager, ticket: Pick<Ticket, 'id' | 'trackingNo'>, entries: TimelineEntry[]): Promise<unknown> {
  return manager.insert(
    TicketEvent,
    entries
      .map((entry) => filledEntry(entry, ticket.trackingNo))
      .map((entry) => ({
        ticketId: ticket.id,
        type: entry.type,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.fullName ?? null,
        body: entry.body ?? null,
        data: entry.data as never,
      })),
  );
}

export function appendEvent(
  manager: EntityManager,
  ticketId: string,
  type: TicketEventType,
  actor: StaffPrincipal | null,
  body: string | null = null,
  data: Record<string, unknown> = {},
): Promise<unknown> {
  return manager.insert(TicketEvent, {
    ticketId,
    type,
    actorId: actor?.id ?? null,
    actorName: actor?.fullName ?? null,
    body,
    data: data as never,
  });
}

/** What free-text search reads: tracking number, subject, text, address, reference, citizen name. */
export function searchTextOf(ticket: Pick<Ticket, 'trackingNo' | 'subject' | 'description' | 'address' | 'externalRef'>, citizenName: string | null): string {
  return foldTurkish([ticket.trackingNo, ticket.subject, ticket.description, ticket.address, ticket.externalRef, citizenName].filter(Boolean).join(' '));
}
