import { OPEN_STATUSES_SQL } from '@app/domain';
/** The columns of `report_ticket_facts`, in the order `FACT_ROWS` gives them. */
export const FACT_COLUMNS = [
  'ticket_id',
  'created_at',
  'created_day',
  'department_id',
  'category_id',
  'mahalle_id',
  'kind',
  'channel',
  'status',
  'legal_basis',
  'deadline_policy_id',
  'resolution',
  'first_resolved_at',
  'resolved_at',
  'open_minutes',
  'open_working_minutes',
  'reopen_count',
  'during_call',
  'first_response_due_at',
  'first_responded_at',
  'resolution_due_at',
] as const;

/**
 * Working minutes from the start of `report_work_periods` to the instant `at` (an SQL expression), so
 * that a difference of two is workingMinutesBetween. Written into the statement rather than called as
 * an SQL function: a function with a sub-query is never inlined, and its calls cost more than the look-up.
 */
export function workingMinute(at: string): string {
  return `coalesce((SELECT p.cum_minutes + least(greatest(extract(epoch FROM ${at} - p.start_at) / 60, 0), p.minutes)
                      FROM report_work_periods p WHERE p.start_at <= ${at} ORDER BY p.start_at DESC LIMIT 1), 0)::float8`;
}

/**
 * The facts of the tickets whose ids are in $1, as a full recomputation gives them. A ticket's
 * resolution time is the time it was owed an answer: from creation to the first answer (or close,
 * rejection, referral), plus, for each reopening, from the reopening to the next answer; so
 * Σ ends − created − Σ reopenings, in calendar and in working minutes. Merged duplicates get
 * no facts: the original counts for both.
 */
export const FACT_ROWS = `
SELECT t.id, t.created_at, (t.created_at AT TIME ZONE 'Europe/Istanbul')::date, t.department_id, t.category_id,
  t.mahalle_id, t.kind, t.channel, t.status, t.legal_basis, t.deadline_policy_id, t.resolution,
  CASE WHEN ev.ends > 0 THEN ev.first_end WHEN NOT t.open THEN t.fallback_end END,
  CASE WHEN t.open THEN NULL WHEN ev.ends > 0 THEN ev.last_end ELSE t.fallback_end END,
  CASE WHEN t.open THEN NULL
       WHEN ev.ends > 0 THEN (ev.end_epochs - ev.reopen_epochs - extract(epoch FROM t.created_at)) / 60
       ELSE extract(epoch FROM t.fallback_end - t.created_at) / 60 END,
  CASE WHEN t.open THEN NULL
       WHEN ev.ends > 0 THEN ev.end_ordinals - ev.reopen_ordinals - ${workingMinute('t.created_at')}
       ELSE ${workingMinute('t.fallback_end')} - ${workingMinute('t.created_at')} END,
  coalesce(ev.reopens, 0), coalesce(ev.during_call, false),
  t.first_response_due_at, t.first_responded_at, t.resolution_due_at
FROM (
  SELECT tk.*, tk.status IN (${OPEN_STATUSES_SQL}) AS open,
         coalesce(tk.answered_at, tk.closed_at, tk.updated_at) AS fallback_end
    FROM tickets tk WHERE tk.id = ANY($1::uuid[]) AND tk.status <> 'merged'
) t
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE x.ends) AS ends,
         min(x.at) FILTER (WHERE x.ends) AS first_end,
         max(x.at) FILTER (WHERE x.ends) AS last_end,
         coalesce(sum(extract(epoch FROM x.at)) FILTER (WHERE x.ends), 0) AS end_epochs,
         coalesce(sum(extract(epoch FROM x.at)) FILTER (WHERE x.reopens), 0) AS reopen_epochs,
         coalesce(sum(${workingMinute('x.at')}) FILTER (WHERE x.ends), 0) AS end_ordinals,
         coalesce(sum(${workingMinute('x.at')}) FILTER (WHERE x.reopens), 0) AS reopen_ordinals,
         count(*) FILTER (WHERE x.reopens) AS reopens,
         bool_or(x.during_call) AS during_call
    FROM (
      SELECT e.created_at AS at,
             e.data->>'to' IN ('answered', 'closed', 'rejected', 'referred')
               AND e.data->>'from' IN (${OPEN_STATUSES_SQL}) AS ends,
             e.data->>'to' = 'reopened' AS reopens,
             e.data ? 'duringCall' AS during_call
        FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'status_changed'
    ) x
) ev ON true`;
