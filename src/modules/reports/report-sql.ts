import { ResolutionGroup } from './dto/report-query.dto';
import { dailyWhereClause, ReportFilter, whereClause } from './report-filter';

/** What a report needs besides the filter: the moment "now", the working-day length and the report's own options. */
export interface ReportOptions {
  now: Date;
  workingDayMinutes: number;
  interval?: 'day' | 'week' | 'month';
  groupBy?: ResolutionGroup;
  top?: number;
  /** Resolution times: the histograms of the period that may be read (see resolution-times.ts). */
  histograms?: BuiltHistogram[];
}

/** A histogram of resolution times built and unchanged since: `span` months from `start`. */
export interface BuiltHistogram {
  span: number;
  start: string;
}

export interface ReportSql {
  sql: string;
  params: unknown[];
}

export type Build = (filter: ReportFilter, options: ReportOptions) => ReportSql;

/** A figure rounded to two decimals, and a share in percent to one (null for a share of nothing). */
export const r2 = (expr: string) => `round((${expr})::numeric, 2)::float8`;
export const percent = (part: string, whole: string) => `round((100.0 * (${part}) / nullif(${whole}, 0))::numeric, 1)::float8`;

/** Starts a query over the facts with the filter's conditions; `param` appends more parameters. */
export function scoped(filter: ReportFilter) {
  return withParams(whereClause(filter));
}

/** The same over a per-day count (alias `a`) grouping by `columns`, or null when the filter needs the facts. */
export function scopedDaily(filter: ReportFilter, columns: readonly string[]) {
  const where = dailyWhereClause(filter, columns);
  return where && withParams(where);
}

/** The filter's conditions over the facts (alias `f`), their parameters appended to `q`'s: a daily count's query that also reads facts. */
export function factsWhere(q: { params: unknown[] }, filter: ReportFilter): string {
  const where = whereClause(filter, q.params.length);
  q.params.push(...where.params);
  return where.sql;
}

function withParams(where: { sql: string; params: unknown[] }) {
  const params = [...where.params];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { where: where.sql, params, param };
}
