import { DAILY_SUBJECTS, DAILY_VOLUME, DailyCounts } from './read-model/daily-counts.sql';
import { ReportFilter } from './report-filter';
import { Build, ReportOptions, ReportSql, scoped, scopedDaily } from './report-sql';

/** Where a report that only counts tickets reads them: the table with its alias, the Istanbul day and the count. */
export interface CountSource {
  q: ReturnType<typeof scoped>;
  from: string;
  a: string;
  day: string;
  tickets: string;
}

/** The facts, one row per ticket: what the per-day counts must always equal. */
export function factsSource(filter: ReportFilter): CountSource {
  return { q: scoped(filter), from: 'report_ticket_facts f', a: 'f', day: 'f.created_day', tickets: 'count(*)' };
}

/** A per-day count when the filter allows (a row per day and group), the facts otherwise. */
export function countSource(filter: ReportFilter, counts: DailyCounts): CountSource {
  const q = scopedDaily(filter, counts.groups);
  return q ? { q, from: `${counts.table} a`, a: 'a', day: 'a.day', tickets: 'sum(a.tickets)' } : factsSource(filter);
}

// Both count per day and channel (or mahalle and category) first, and only then name and order the
// few groups: grouping a year's rows by names spilled its sort to disk.
export function volumeOver({ q, from, a, day, tickets }: CountSource, options: ReportOptions): ReportSql {
  const unit = q.param(options.interval ?? 'day');
  return {
    params: q.params,
    sql: `SELECT to_char(date_trunc(${unit}, g.day), 'YYYY-MM-DD') AS "period", g.channel::text AS "channel", sum(g.tickets)::int AS "tickets"
            FROM (SELECT ${day} AS day, ${a}.channel, ${tickets} AS tickets FROM ${from} WHERE ${q.where} GROUP BY 1, 2) g
           GROUP BY 1, 2 ORDER BY 1, 2`,
  };
}

export function topSubjectsOver({ q, from, a, tickets }: CountSource, options: ReportOptions): ReportSql {
  const top = q.param(options.top ?? 5);
  return {
    params: q.params,
    sql: `SELECT "mahalleId", "mahalle", "categoryId", "category", "tickets", "rank" FROM (
            SELECT g.mahalle_id AS "mahalleId", m.name AS "mahalle", g.category_id AS "categoryId", c.name AS "category", g.tickets::int AS "tickets",
                   row_number() OVER (PARTITION BY g.mahalle_id ORDER BY g.tickets DESC, c.name)::int AS "rank"
              FROM (SELECT ${a}.mahalle_id, ${a}.category_id, ${tickets} AS tickets FROM ${from} WHERE ${q.where} GROUP BY 1, 2) g
              LEFT JOIN mahalleler m ON m.id = g.mahalle_id LEFT JOIN categories c ON c.id = g.category_id) s
          WHERE "rank" <= ${top} ORDER BY "mahalle", "rank"`,
  };
}

export const volume: Build = (filter, options) => volumeOver(countSource(filter, DAILY_VOLUME), options);
export const topSubjects: Build = (filter, options) => topSubjectsOver(countSource(filter, DAILY_SUBJECTS), options);
