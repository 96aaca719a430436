import { ResolutionGroup } from './dto/report-query.dto';
import { dailyWhereClause, ReportFilter, whereClause } from './report-filter';

/** What a report needs besides the filter: the moment "now", the working-day length and the report's own options. */
export interface ReportOptions {
  now: Date;
  workingDayMinutes: number;
  interval?: 'day' | 'week' | 'month';
  groupBy?: ResolutionGroup;
  top?: number;
}

export interface ReportSql {
  sql: string;
  params: unknown[];
}

export type Build = (filter: ReportFilter, options: ReportOptions) => ReportSql;

/** Starts a query over the facts with the filter's conditions; `param` appends more parameters. */
export function scoped(filter: ReportFilter) {
  return withParams(whereClause(filter));
}

/** The same over a per-day count (alias `a`) grouping by `columns`, or null when the filter needs the facts. */
export function scopedDaily(filter: ReportFilter, columns: readonly string[]) {
  const where = dailyWhereClause(filter, columns);
  return where && withParams(where);
}

function withParams(where: { sql: string; params: unknown[] }) {
  const params = [...where.params];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { where: where.sql, params, param };
}
