import { EntityManager } from 'typeorm';
import { foldTurkish } from '@app/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

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
export function searchTextOf(
  ticket: Pick<Ticket, 'trackingNo' | 'subject' | 'description' | 'address' | 'externalRef'>,
  citizenName: string | null,
): string {
  return foldTurkish(
    [ticket.trackingNo, ticket.subject, ticket.description, ticket.address, ticket.externalRef, citizenName]
      .filter(Boolean)
      .join(' '),
  );
}
