/**
 * Adds ($2 = 1) or takes away ($2 = -1) the facts of the tickets in $1 to or from
 * `report_daily_counts`: a refresh takes the old facts away, recomputes them, and adds the new,
 * so the counts always equal the facts grouped (a moved category or a merged ticket included).
 * Answers the days where a group fell to zero, for `DROP_EMPTY_GROUPS`.
 */
export const ADD_TO_DAILY_COUNTS = `
WITH changed AS (
  INSERT INTO report_daily_counts AS d (day, department_id, category_id, mahalle_id, channel, kind, tickets)
  SELECT f.created_day, f.department_id, f.category_id, f.mahalle_id, f.channel, f.kind, $2::int * count(*)
    FROM report_ticket_facts f WHERE f.ticket_id = ANY($1::uuid[])
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, department_id, category_id, mahalle_id, channel, kind) DO UPDATE SET tickets = d.tickets + EXCLUDED.tickets
  RETURNING d.day, d.tickets)
SELECT DISTINCT day::text AS day FROM changed WHERE tickets = 0`;

export const DROP_EMPTY_GROUPS = `DELETE FROM report_daily_counts WHERE day = ANY($1::date[]) AND tickets = 0`;
