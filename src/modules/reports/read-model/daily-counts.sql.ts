/** A per-day count of the facts: its table and the fact columns it groups by besides the day. */
export interface DailyCounts {
  table: string;
  groups: readonly string[];
}

/** What volume reads: tickets per day, department and channel. */
export const DAILY_VOLUME: DailyCounts = { table: 'report_daily_volume', groups: ['department_id', 'channel'] };
/** What top subjects read: tickets per day, department, category and mahalle. */
export const DAILY_SUBJECTS: DailyCounts = { table: 'report_daily_subjects', groups: ['department_id', 'category_id', 'mahalle_id'] };
export const DAILY_COUNTS = [DAILY_VOLUME, DAILY_SUBJECTS] as const;

/**
 * Adds ($2 = 1) or takes away ($2 = -1) the facts of the tickets in $1 to or from a per-day count:
 * a refresh takes the old facts away, recomputes them, and adds the new, so the counts always
 * equal the facts grouped (a moved category or a merged ticket included). Answers the days where
 * a group fell to zero, for `dropEmptyGroups`.
 */
export function addToDailyCounts({ table, groups }: DailyCounts): string {
  const columns = groups.join(', ');
  return `
WITH changed AS (
  INSERT INTO ${table} AS d (day, ${columns}, tickets)
  SELECT f.created_day, ${groups.map((g) => `f.${g}`).join(', ')}, $2::int * count(*)
    FROM report_ticket_facts f WHERE f.ticket_id = ANY($1::uuid[])
   GROUP BY ${groups.map((_, i) => i + 2).join(', ')}, 1
  ON CONFLICT (day, ${columns}) DO UPDATE SET tickets = d.tickets + EXCLUDED.tickets
  RETURNING d.day, d.tickets)
SELECT DISTINCT day::text AS day FROM changed WHERE tickets = 0`;
}

export function dropEmptyGroups({ table }: DailyCounts): string {
  return `DELETE FROM ${table} WHERE day = ANY($1::date[]) AND tickets = 0`;
}
