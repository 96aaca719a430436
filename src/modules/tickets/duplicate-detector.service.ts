import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { TicketEventType } from './ticket-event.entity';
import { OPEN_STATUSES } from './ticket-status';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

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

  async check(manager: EntityManager, ticket: Ticket): Promise<string | null> {
    if (!ticket.categoryId) return null;
    const since = new Date(this.clock.now().getTime() - WINDOW_DAYS * 24 * 3600_000);
    const rows: { id: string; tracking_no: string; reason: string }[] = await manager.query(
      `SELECT id, tracking_no, CASE WHEN citizen_id = $2 THEN 'same_citizen_category' ELSE 'similar_text_mahalle' END AS reason
         FROM tickets
        WHERE id <> $1 AND category_id = $3 AND status = ANY($4::ticket_status[]) AND created_at >= $5
          AND (citizen_id = $2 OR (mahalle_id = $6 AND similarity(search_text, $7) >= $8))
        ORDER BY (citizen_id = $2) DESC, created_at
        LIMIT 1`,
      [ticket.id, ticket.citizenId, ticket.categoryId, OPEN_STATUSES, since, ticket.mahalleId, ticket.searchText, SIMILAR_TEXT],
    );
    const original = rows[0];
    if (!original) return null;
    await manager.insert(DuplicateSuspicion, { ticketId: ticket.id, originalId: original.id, reason: original.reason });
    await appendEvent(manager, ticket.id, TicketEventType.DuplicateSuspected, null, null, {
      otherId: original.id,
      otherTrackingNo: original.tracking_no,
      reason: original.reason,
    });
    await appendEvent(manager, original.id, TicketEventType.DuplicateSuspected, null, null, {
      otherId: ticket.id,
      otherTrackingNo: ticket.trackingNo,
      reason: original.reason,
    });
    return original.id;
  }
}
