/** An instant as the API writes it everywhere else (ISO 8601, UTC, milliseconds), inside json_build_object. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A CİMER application is answered once a final or "not ours" answer went back to CİMER. */
const CONCLUDED = `(SELECT min(a.answered_at) FROM cimer_answers a WHERE a.ticket_id = ca.ticket_id AND a.status IN ('final', 'not_competent'))`;

export const CIMER_STATE = {
  open: `x.concluded_at IS NULL`,
  overdue: `x.concluded_at IS NULL AND x.cimer_due_at < $1`,
  answered: `x.concluded_at IS NOT NULL`,
} as const;

/** One row per CİMER application, with the last answer sent back; `$1` is now. Wrapped so the state filters read `x`. */
export const CIMER_LIST_SQL = `
  SELECT * FROM (
    SELECT t.id AS "ticketId", t.tracking_no AS "trackingNo", ca.cimer_no AS "cimerNo", ca.cimer_due_at AS "cimerDueAt",
           t.status::text AS "status", t.kind::text AS "kind", t.legal_basis::text AS "legalBasis", t.subject AS "subject",
           t.department_id AS "departmentId", d.name AS "department", t.resolution_due_at AS "resolutionDueAt", t.created_at AS "createdAt",
           last.status::text AS "lastCimerStatus", last.answered_at AS "lastAnsweredAt", ${CONCLUDED} AS "concludedAt",
           ${CONCLUDED} AS concluded_at, ca.cimer_due_at, ca.cimer_no, ($1::timestamptz > ca.cimer_due_at AND ${CONCLUDED} IS NULL) AS "overdue"
      FROM cimer_applications ca JOIN tickets t ON t.id = ca.ticket_id LEFT JOIN departments d ON d.id = t.department_id
      LEFT JOIN LATERAL (SELECT a.status, a.answered_at FROM cimer_answers a WHERE a.ticket_id = ca.ticket_id ORDER BY a.answered_at DESC LIMIT 1) last ON true
  ) x`;

/** One application with what its unit did and the answers sent back; `$1` is now, `$2` the ticket. */
export const CIMER_DETAIL_SQL = `
  SELECT y."ticketId", y."trackingNo", y."cimerNo", y."cimerDueAt", y."status", y."kind", y."legalBasis", y."subject", y."department",
         y."resolutionDueAt", y."createdAt", y."concludedAt", y."overdue", t.description AS "description",
         coalesce((SELECT json_agg(json_build_object('type', e.type, 'at', ${iso('e.created_at')}, 'actor', e.actor_name, 'body', e.body) ORDER BY e.seq)
                     FROM ticket_events e WHERE e.ticket_id = t.id
                      AND e.type IN ('reply_out', 'status_changed', 'transferred', 'routed', 'deadline_extended')), '[]') AS "unitActions",
         coalesce((SELECT json_agg(json_build_object('id', a.id, 'status', a.status, 'text', a.text, 'answeredBy', a.answered_by_name,
                                                     'answeredAt', ${iso('a.answered_at')}) ORDER BY a.answered_at)
                     FROM cimer_answers a WHERE a.ticket_id = t.id), '[]') AS "cimerAnswers"
    FROM (${CIMER_LIST_SQL}) y JOIN tickets t ON t.id = y."ticketId" WHERE y."ticketId" = $2`;
