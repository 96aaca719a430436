import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { queryPrepared } from '@app/database';
import { OPEN_STATUSES, OPEN_STATUSES_SQL, TicketFollowers, TRACKING_NO_SLOT } from '@app/domain';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { LinkedEntry } from './numbered-insert';
import { TicketEventType } from './ticket-event.entity';
import { TimelineEntry } from './timeline';

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

/** A new ticket that looks like `original`; when that is new too (`originalIsNew`), its number is TRACKING_NO_SLOT until both are written. */
export interface Suspicion {
  ticketId: string;
  original: Original;
  originalIsNew: boolean;
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
    const rows = await queryPrepared<(Original & { n: number })[]>(manager, ORIGINALS_SQL, [
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

  /**
   * The suspicions' rows and both sides' timeline entries, for the statement that numbers the
   * new tickets: they add no statement under the tracking-number lock, and each side's entry
   * gets the other's number there when the other is new too.
   */
  marks(manager: EntityManager, found: Suspicion[]): { followers: TicketFollowers; linked: LinkedEntry[] } {
    const rows = found.map(({ ticketId, original }) => ({ ticket_id: ticketId, original_id: original.id, reason: original.reason }));
    const entry = (otherId: string, otherTrackingNo: string, reason: Original['reason']): TimelineEntry => ({
      type: TicketEventType.DuplicateSuspected,
      data: { otherId, otherTrackingNo, reason },
    });
    const linked = found.flatMap(({ ticketId, original, originalIsNew }) => [
      { ticketId, numberedBy: originalIsNew ? original.id : ticketId, entry: entry(original.id, original.trackingNo, original.reason) },
      { ticketId: original.id, numberedBy: ticketId, entry: entry(ticketId, TRACKING_NO_SLOT, original.reason) },
    ]);
    return { followers: { table: manager.connection.getMetadata(DuplicateSuspicion).tableName, rows, numbered: [] }, linked };
  }
}
