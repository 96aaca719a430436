import { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@app/domain';
import { SIMILAR_TEXT } from '../tickets';

/**
 * When an open ticket `t` belongs to incident `i`: its category and department, a mahalle of the
 * incident's (the one it happened in and its neighbours), reported within its time window, not
 * in an incident already, and its text like the incident's or a linked report's — the duplicate
 * search's pg_trgm similarity and threshold.
 */
const MATCH = `t.category_id = i.category_id AND t.department_id = i.department_id
  AND t.status = ANY($1::ticket_status[]) AND t.created_at >= i.starts_at AND (i.ends_at IS NULL OR t.created_at <= i.ends_at)
  AND (cardinality(i.mahalle_ids) = 0 OR t.mahalle_id = ANY(i.mahalle_ids))
  AND NOT EXISTS (SELECT 1 FROM incident_tickets x WHERE x.ticket_id = t.id)
  AND (similarity(t.search_text, i.search_text) >= $2
       OR EXISTS (SELECT 1 FROM incident_tickets l JOIN tickets o ON o.id = l.ticket_id
                   WHERE l.incident_id = i.id AND similarity(t.search_text, o.search_text) >= $2))`;

export interface SuggestedTicket {
  id: string;
  trackingNo: string;
  subject: string;
  status: string;
  mahalle: string | null;
  createdAt: Date;
}

/** The open reports that look like part of an open incident, oldest first. */
export function suggestionsFor(manager: EntityManager, incidentId: string, limit = 200): Promise<SuggestedTicket[]> {
  return manager.query(
    `SELECT t.id, t.tracking_no AS "trackingNo", t.subject, t.status, m.name AS mahalle, t.created_at AS "createdAt"
       FROM incidents i JOIN tickets t ON ${MATCH} LEFT JOIN mahalleler m ON m.id = t.mahalle_id
      WHERE i.id = $3 AND i.answered_at IS NULL
      ORDER BY t.created_at, t.id LIMIT $4`,
    [OPEN_STATUSES, SIMILAR_TEXT, incidentId, limit],
  );
}

/** The open incidents a ticket looks like part of. */
export function incidentsMatching(manager: EntityManager, ticketId: string): Promise<{ id: string; title: string }[]> {
  return manager.query(
    `SELECT i.id, i.title FROM tickets t JOIN incidents i ON ${MATCH}
      WHERE t.id = $3 AND i.answered_at IS NULL ORDER BY i.created_at DESC LIMIT 10`,
    [OPEN_STATUSES, SIMILAR_TEXT, ticketId],
  );
}
