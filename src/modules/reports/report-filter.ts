import { departmentScope, splitAttributeFilter, StaffPrincipal } from '@app/domain';
import { ReportQueryDto } from './dto/report-query.dto';

/**
 * A checked report request: period, filters and the department the asker is confined to.
 * It is also what an export job stores, so the job applies the asker's scope without the asker.
 */
export interface ReportFilter {
  from: string;
  to: string;
  departmentId?: string;
  categoryId?: string;
  mahalleId?: string;
  kind?: string;
  channel?: string;
  /** `code=value` on the category's extra fields, read from the ticket. */
  attribute?: string;
  /** undefined = every department; null = none (a department role without a department). */
  scopeDepartmentId?: string | null;
}

export function reportFilter(user: StaffPrincipal, dto: ReportQueryDto): ReportFilter {
  const { from, to, departmentId, categoryId, mahalleId, kind, channel, attribute } = dto;
  const filter: ReportFilter = { from, to, departmentId, categoryId, mahalleId, kind, channel, attribute };
  const scope = departmentScope(user);
  if (scope !== undefined) filter.scopeDepartmentId = scope;
  return filter;
}

/** The business calendar's zone: report days are Istanbul days. */
export const REPORT_TIME_ZONE = 'Europe/Istanbul';

/** SQL conditions over the facts alias `f`, with positional parameters starting after `offset`. */
export function whereClause(filter: ReportFilter, offset = 0): { sql: string; params: unknown[] } {
  const { p, params } = numbered(offset);
  // Istanbul days as an instant range, so one index on created_at serves filters and ordering.
  const conditions = [
    `f.created_at >= (${p(filter.from)}::date::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`,
    `f.created_at < ((${p(filter.to)}::date + 1)::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`,
    ...groupConditions(filter, 'f', p),
  ];
  if (filter.attribute) {
    const [code, value] = splitAttributeFilter(filter.attribute);
    const [c, v] = [p(code), p(value)];
    // The extra fields live on the ticket only; a list field matches any of its picked keys.
    conditions.push(
      `EXISTS (SELECT 1 FROM tickets t WHERE t.id = f.ticket_id AND (t.attributes ->> ${c} = ${v} OR (jsonb_typeof(t.attributes -> ${c}) = 'array' AND t.attributes -> ${c} ? ${v})))`,
    );
  }
  return { sql: conditions.join(' AND '), params };
}

/**
 * The same conditions over a per-day count aliased `a` that groups by `columns`, or null when the
 * filter needs a column the count does not hold (or a category's extra field, read from the
 * ticket). A fact's `created_day` is the Istanbul day of its `created_at`: the same period.
 */
export function dailyWhereClause(filter: ReportFilter, columns: readonly string[]): { sql: string; params: unknown[] } | null {
  if (!heldBy(filter, columns)) return null;
  const { p, params } = numbered(0);
  const conditions = [`a.day >= ${p(filter.from)}::date`, `a.day <= ${p(filter.to)}::date`, ...groupConditions(filter, 'a', p)];
  return { sql: conditions.join(' AND '), params };
}

/** Whether a source holding these fact columns can apply the filter (and the asker's scope): no category extra field, every filtered column held. */
export function heldBy(filter: ReportFilter, columns: readonly string[]): boolean {
  if (filter.attribute) return false;
  return Object.entries(FILTER_COLUMNS).every(([field, column]) => filter[field as keyof typeof FILTER_COLUMNS] === undefined || columns.includes(column));
}

/**
 * The asker's scope and the filters, without the period, over a source aliased `alias` that holds
 * the filtered fact columns under their names (see `heldBy`); parameters numbered after `offset`.
 */
export function scopeWhereClause(filter: ReportFilter, alias: string, offset: number): { sql: string; params: unknown[] } {
  const { p, params } = numbered(offset);
  return { sql: ['true', ...groupConditions(filter, alias, p)].join(' AND '), params };
}

/** The fact column each filter (and the asker's department scope) is on. */
const FILTER_COLUMNS = {
  scopeDepartmentId: 'department_id',
  departmentId: 'department_id',
  categoryId: 'category_id',
  mahalleId: 'mahalle_id',
  kind: 'kind',
  channel: 'channel',
} as const;

function numbered(offset: number) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  return { p, params };
}

/** The asker's scope and the filters on the columns the facts and the counts share. */
function groupConditions(filter: ReportFilter, alias: string, p: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  // A department manager's figures cover their department whatever filter they send.
  if (filter.scopeDepartmentId === null) conditions.push('false');
  else if (filter.scopeDepartmentId !== undefined) conditions.push(`${alias}.department_id = ${p(filter.scopeDepartmentId)}`);
  if (filter.departmentId) conditions.push(`${alias}.department_id = ${p(filter.departmentId)}`);
  if (filter.categoryId) conditions.push(`${alias}.category_id = ${p(filter.categoryId)}`);
  if (filter.mahalleId) conditions.push(`${alias}.mahalle_id = ${p(filter.mahalleId)}`);
  if (filter.kind) conditions.push(`${alias}.kind = ${p(filter.kind)}`);
  if (filter.channel) conditions.push(`${alias}.channel = ${p(filter.channel)}`);
  return conditions;
}
