import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { OPEN_STATUSES } from './ticket-status';
import { Ticket } from './ticket.entity';

export interface Candidate {
  citizenId: string;
  categoryId: string | null;
  mahalleId: string | null;
  searchText: string;
}

export interface Original {
  id: string;
  trackingNo: string;
  reason: 'same_citizen_category' | 'similar_text_mahalle';
}

const WINDOW_DAYS = 7;
// pg_trgm similarity of the folded texts above which two reports from one mahalle look alike.
const SIMILAR_TEXT = 0.45;

/**
 * Marks a new ticket that looks like an open one: the same citizen and category within a
 * week, or the same category and mahalle with similar text (two neighbours reporting the
 * same pothole). Staff then merge or dismiss.
 */
@Injectable()
export class DuplicateDetector {
  constructor(private readonly clock: Clock) {}

  /**
   * The open ticket a new one would duplicate, looked up before the new one is written so the
   * tracking-number lock (taken by the insert) is not held during this search.
   */
  async findOriginal(manager: EntityManager, candidate: Candidate): Promise<Original | null> {
    if (!candidate.categoryId) return null;
    const since = new Date(this.clock.now().getTime() - WINDOW_DAYS * 24 * 3600_000);
    // Two index-backed lookups (the citizen's tickets, the mahalle's tickets) rather than one
    // OR over the whole category, which grows with every ticket of the week.
    const rows: Original[] = await manager.query(
      `(SELECT id, tracking_no AS "trackingNo", 'same_citizen_category' AS reason, 0 AS rank, created_at
          FROM tickets
         WHERE citizen_id = $1 AND category_id = $2 AND status = ANY($3::ticket_status[]) AND created_at >= $4
         ORDER BY created_at LIMIT 1)
       UNION ALL
       (SELECT id, tracking_no, 'similar_text_mahalle', 1, created_at
          FROM tickets
         WHERE mahalle_id = $5 AND category_id = $2 AND status = ANY($3::ticket_status[]) AND created_at >= $4
           AND similarity(search_text, $6) >= $7
         ORDER BY created_at LIMIT 1)
       ORDER BY rank LIMIT 1`,
      [candidate.citizenId, candidate.categoryId, OPEN_STATUSES, since, candidate.mahalleId, candidate.searchText, SIMILAR_TEXT],
    );
    return rows[0] ? { id: rows[0].id, trackingNo: rows[0].trackingNo, reason: rows[0].reason } : null;
  }

  /** Marks the suspicion on both tickets. */
  async record(manager: EntityManager, ticket: Ticket, original: Original): Promise<void> {
    await this.recordMany(manager, [{ ticket, original }]);
  }

  /** Marks several suspicions: one statement for the marks, one for both sides' timeline entries. */
  async recordMany(manager: EntityManager, found: { ticket: Pick<Ticket, 'id' | 'trackingNo'>; original: Original }[]): Promise<void> {
    if (!found.length) return;
    await manager.insert(
      DuplicateSuspicion,
      found.map(({ ticket, original }) => ({ ticketId: ticket.id, originalId: original.id, reason: original.reason })),
    );
    const entry = (ticketId: string, otherId: string, otherTrackingNo: string, reason: Original['reason']) => ({
      ticketId,
      type: TicketEventType.DuplicateSuspected,
      actorId: null,
      actorName: null,
      body: null,
      data: { otherId, otherTrackingNo, reason } as never,
    });
    await manager.insert(
      TicketEvent,
      found.flatMap(({ ticket, original }) => [
        entry(ticket.id, original.id, original.trackingNo, original.reason),
        entry(original.id, ticket.id, ticket.trackingNo, original.reason),
      ]),
    );
  }
}
