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

/** The fact columns a per-day count needs: a CTE of facts must return these. */
export const COUNTED_COLUMNS = 'created_day, department_id, category_id, mahalle_id, channel';

/**
 * CTEs (after a first one named `source`, holding facts' `COUNTED_COLUMNS`) that add (sign 1) or
 * take away (-1) those facts to or from every per-day count, then the days where a group fell to
 * zero. A refresh takes the old facts away before it rewrites them and adds the new as it writes
 * them, so the counts always equal the facts grouped (a moved category or a merged ticket included).
 */
export function countDeltas(source: string, sign: 1 | -1): string {
  const deltas = DAILY_COUNTS.map(({ table, groups }) => {
    const columns = groups.join(', ');
    return `${table}_delta AS (
  INSERT INTO ${table} AS d (day, ${columns}, tickets)
  SELECT created_day, ${columns}, ${sign} * count(*) FROM ${source} GROUP BY created_day, ${columns}
  ON CONFLICT (day, ${columns}) DO UPDATE SET tickets = d.tickets + EXCLUDED.tickets
  RETURNING '${table}'::text AS counts, d.day, d.tickets)`;
  });
  const changed = DAILY_COUNTS.map(({ table }) => `SELECT * FROM ${table}_delta`).join(' UNION ALL ');
  return `${deltas.join(',\n')}
SELECT DISTINCT counts, day::text AS day FROM (${changed}) changed WHERE tickets = 0`;
}

export function dropEmptyGroups({ table }: DailyCounts): string {
  return `DELETE FROM ${table} WHERE day = ANY($1::date[]) AND tickets = 0`;
}
