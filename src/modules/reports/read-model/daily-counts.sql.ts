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

/** The fact columns a per-day count needs. */
export const COUNTED_COLUMNS = ['created_day', 'department_id', 'category_id', 'mahalle_id', 'channel'] as const;

/**
 * CTEs (after one named `source`, holding `COUNTED_COLUMNS` and a `sign`: -1 for a fact taken away,
 * 1 for one added) that add each group's sum to its per-day counts, then the days where a group fell
 * to zero. Groups whose sum is zero are not written; each table's rows are written in key order, so
 * two refresh batches side by side lock shared groups in the same order.
 */
export function countDeltas(source: string): string {
  const deltas = DAILY_COUNTS.map(({ table, groups }) => {
    const columns = groups.join(', ');
    return `${table}_delta AS (
  INSERT INTO ${table} AS d (day, ${columns}, tickets)
  SELECT created_day, ${columns}, sum(sign) FROM ${source} GROUP BY created_day, ${columns} HAVING sum(sign) <> 0 ORDER BY created_day, ${columns}
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
