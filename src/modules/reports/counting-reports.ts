import { ReportFilter } from './report-filter';
import { Build, ReportOptions, ReportSql, scoped, scopedDaily } from './report-sql';

/** Where a report that only counts tickets reads them: the alias, the Istanbul day and the count. */
interface CountSource {
  q: ReturnType<typeof scoped>;
  from: string;
  a: string;
  day: string;
  tickets: string;
}

/** The facts, one row per ticket: what the counts must always equal. */
export function factsSource(filter: ReportFilter): CountSource {
  return { q: scoped(filter), from: 'report_ticket_facts f', a: 'f', day: 'f.created_day', tickets: 'count(*)' };
}

/** The per-day counts when the filter allows (a row per day and group), the facts otherwise. */
export function countSource(filter: ReportFilter): CountSource {
  const q = scopedDaily(filter);
  return q ? { q, from: 'report_daily_counts a', a: 'a', day: 'a.day', tickets: 'sum(a.tickets)' } : factsSource(filter);
}

export function volumeOver({ q, from, a, day, tickets }: CountSource, options: ReportOptions): ReportSql {
  const unit = q.param(options.interval ?? 'day');
  return {
    params: q.params,
    sql: `SELECT to_char(date_trunc(${unit}, ${day}), 'YYYY-MM-DD') AS "period", ${a}.channel::text AS "channel", ${tickets}::int AS "tickets"
            FROM ${from} WHERE ${q.where} GROUP BY 1, 2 ORDER BY 1, 2`,
  };
}

export function topSubjectsOver({ q, from, a, tickets }: CountSource, options: ReportOptions): ReportSql {
  const top = q.param(options.top ?? 5);
  return {
    params: q.params,
    sql: `SELECT "mahalleId", "mahalle", "categoryId", "category", "tickets", "rank" FROM (
            SELECT ${a}.mahalle_id AS "mahalleId", m.name AS "mahalle", ${a}.category_id AS "categoryId", c.name AS "category", ${tickets}::int AS "tickets",
                   row_number() OVER (PARTITION BY ${a}.mahalle_id ORDER BY ${tickets} DESC, c.name)::int AS "rank"
              FROM ${from} LEFT JOIN mahalleler m ON m.id = ${a}.mahalle_id LEFT JOIN categories c ON c.id = ${a}.category_id
             WHERE ${q.where} GROUP BY ${a}.mahalle_id, m.name, ${a}.category_id, c.name) s
          WHERE "rank" <= ${top} ORDER BY "mahalle", "rank"`,
  };
}

export const volume: Build = (filter, options) => volumeOver(countSource(filter), options);
export const topSubjects: Build = (filter, options) => topSubjectsOver(countSource(filter), options);
