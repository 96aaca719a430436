import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { jsonRows } from '@app/database';
import { OPEN_STATUSES, OPEN_STATUSES_SQL } from '@app/domain';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

export interface Candidate {
  citizenId: string;
  /** An ihbar is never marked as the same citizen's: the mark would name its informant. */
  kind?: string | null;
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
export const SIMILAR_TEXT = 0.45;

/**
 * For each candidate (unnest of $1–$5), the oldest open ticket of the week ($6 open statuses,
 * $7 since) it would duplicate: the citizen's own in its category, else one of its mahalle and
 * category with similar text ($8) — each read from a (citizen or mahalle, category, created)
 * index in created order, stopping at the first that fits. The mahalle's index holds its open
 * tickets only: a busy mahalle's week has many of a category, and each is a text comparison.
 */
export const ORIGINALS_SQL = `SELECT x.n, o.id, o."trackingNo", o.reason
   FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $9::text[]) AS x(n, citizen_id, category_id, mahalle_id, search_text, kind)
  CROSS JOIN LATERAL (
    (SELECT id, tracking_no AS "trackingNo", 'same_citizen_category' AS reason, 0 AS rank, created_at
       FROM tickets
      WHERE citizen_id = x.citizen_id AND category_id = x.category_id AND status = ANY($6::ticket_status[]) AND created_at >= $7
        AND kind <> 'ihbar' AND x.kind IS DISTINCT FROM 'ihbar'
      ORDER BY created_at LIMIT 1)
    UNION ALL
    (SELECT id, tracking_no, 'similar_text_mahalle', 1, created_at
       FROM tickets
      WHERE mahalle_id = x.mahalle_id AND category_id = x.category_id AND status IN (${OPEN_STATUSES_SQL}) AND created_at >= $7
        AND similarity(search_text, x.search_text) >= $8
      ORDER BY created_at LIMIT 1)
    ORDER BY rank LIMIT 1
  ) o`;

/**
 * Marks a new ticket that looks like an open one: the same citizen and category within a
 * week, or the same category and mahalle with similar text (two neighbours reporting the
 * same pothole). Staff then merge or dismiss.
 */
@Injectable()
export class DuplicateDetector {
  constructor(private readonly clock: Clock) {}

  /**
   * The open ticket each new one would duplicate (null where none), for a batch of candidates
   * in one statement, looked up before the new ones are written so the tracking-number lock
   * (taken by their insert) is not held during this search. Two index-backed lookups per
   * candidate (the citizen's tickets, the mahalle's tickets) rather than one OR over the whole
   * category, which grows with every ticket of the week.
   */
  async findOriginals(manager: EntityManager, candidates: Candidate[]): Promise<(Original | null)[]> {
    const searched = candidates.map((c, n) => ({ ...c, n })).filter((c) => c.categoryId);
    if (!searched.length) return candidates.map(() => null);
    const since = new Date(this.clock.now().getTime() - WINDOW_DAYS * 24 * 3600_000);
    const rows: (Original & { n: number })[] = await manager.query(ORIGINALS_SQL, [
      searched.map((c) => c.n),
      searched.map((c) => c.citizenId),
      searched.map((c) => c.categoryId),
      searched.map((c) => c.mahalleId),
      searched.map((c) => c.searchText),
      OPEN_STATUSES,
      since,
      SIMILAR_TEXT,
      searched.map((c) => c.kind ?? null),
    ]);
    const found = new Map(rows.map((r) => [Number(r.n), { id: r.id, trackingNo: r.trackingNo, reason: r.reason }]));
    return candidates.map((_, n) => found.get(n) ?? null);
  }

  /** Marks the suspicion on both tickets. */
  async record(manager: EntityManager, ticket: Ticket, original: Original): Promise<void> {
    await this.recordMany(manager, [{ ticket, original }]);
  }

  /** Marks several suspicions, and both sides' timeline entries, in one statement (see jsonRows). */
  async recordMany(manager: EntityManager, found: { ticket: Pick<Ticket, 'id' | 'trackingNo'>; original: Original }[]): Promise<void> {
    if (!found.length) return;
    const marks = jsonRows(
      manager,
      DuplicateSuspicion,
      found.map(({ ticket, original }) => ({ ticketId: ticket.id, originalId: original.id, reason: original.reason })),
      1,
    );
    const entry = (ticketId: string, otherId: string, otherTrackingNo: string, reason: Original['reason']): Partial<TicketEvent> => ({
      ticketId,
      type: TicketEventType.DuplicateSuspected,
      data: { otherId, otherTrackingNo, reason },
    });
    const entries = jsonRows(
      manager,
      TicketEvent,
      found.flatMap(({ ticket, original }) => [
        entry(ticket.id, original.id, original.trackingNo, original.reason),
        entry(original.id, ticket.id, ticket.trackingNo, original.reason),
      ]),
      2,
    );
    await manager.query(`WITH marks AS (${marks.insert}) ${entries.insert}`, [marks.json, entries.json]);
  }
}
