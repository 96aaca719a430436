import { OPEN_STATUSES } from '@app/domain';
import { FACT_COLUMNS } from './fact-rows.sql';

/**
 * A per-day count: its table, the columns it groups by besides the day, what it sums per group
 * (each measure an SQL expression over one counted row's columns, unqualified), and what a
 * counted row is (`rows`): a ticket's facts, or a ticket's ladder steps told to one department
 * (`ESCALATION_ROW_COLUMNS`). Every count has `tickets` (1 a row); a group whose `tickets` falls
 * to zero is deleted.
 */
export interface DailyCounts {
  table: string;
  groups: readonly string[];
  measures: Readonly<Record<string, string>>;
  rows: CountedRows;
}

export type CountedRows = 'facts' | 'escalations';

/**
 * What a counted row of a ticket's ladder steps holds: its fact's day and department, the
 * department told (`report_ticket_escalations.department_id`) and its steps of each level.
 */
export const ESCALATION_ROW_COLUMNS = ['created_day', 'department_id', 'told_department_id', 'warnings', 'breaches', 'escalated_above'] as const;

/** The counted rows as the read model holds them, for checking a count against them. */
export const COUNTED_ROWS: Record<CountedRows, string> = {
  facts: 'report_ticket_facts',
  escalations: `(SELECT f.created_day, f.department_id, x.department_id AS told_department_id, x.warnings, x.breaches, x.escalated_above
                   FROM report_ticket_escalations x JOIN report_ticket_facts f ON f.ticket_id = x.ticket_id) x`,
};

const OPEN = `status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const flag = (condition: string) => `coalesce(${condition}, false)::int`;
/** A deadline's outcomes that do not move with the clock: kept, missed (answered late), and still awaited. */
const deadline = (name: string, due: string, done: string) => ({
  [`${name}_with_deadline`]: flag(`${due} IS NOT NULL`),
  [`${name}_met`]: flag(`${done} <= ${due}`),
  [`${name}_late`]: flag(`${done} > ${due}`),
  [`${name}_awaited`]: flag(`${done} IS NULL AND ${due} IS NOT NULL`),
});

/** What volume reads: tickets per day, department and channel. */
export const DAILY_VOLUME: DailyCounts = { table: 'report_daily_volume', groups: ['department_id', 'channel'], measures: { tickets: '1' }, rows: 'facts' };
/** What top subjects read: tickets per day, department, category and mahalle. */
export const DAILY_SUBJECTS: DailyCounts = {
  table: 'report_daily_subjects',
  groups: ['department_id', 'category_id', 'mahalle_id'],
  measures: { tickets: '1' },
  rows: 'facts',
};
/** What the summary and deadline compliance read: per day, department, legal basis and deadline policy. */
export const DAILY_OUTCOMES: DailyCounts = {
  table: 'report_daily_outcomes',
  groups: ['department_id', 'legal_basis', 'deadline_policy_id'],
  measures: {
    tickets: '1',
    resolved: flag('resolved_at IS NOT NULL'),
    open_tickets: flag(OPEN),
    reopened: flag('reopen_count > 0'),
    answered_same_day: flag(`(first_resolved_at AT TIME ZONE 'Europe/Istanbul')::date = created_day`),
    phone: flag(`channel = 'phone'`),
    during_call: flag('during_call'),
    ...deadline('resolution', 'resolution_due_at', 'first_resolved_at'),
    ...deadline('response', 'first_response_due_at', 'first_responded_at'),
  },
  rows: 'facts',
};
/** What the mahalleler report reads: per day, department and mahalle. */
export const DAILY_MAHALLELER: DailyCounts = {
  table: 'report_daily_mahalleler',
  groups: ['department_id', 'mahalle_id'],
  measures: {
    tickets: '1',
    open_tickets: flag(OPEN),
    resolved: flag('open_minutes IS NOT NULL'),
    // Exact sums (numeric), so adding and taking away facts leaves no rounding behind.
    resolved_minutes: 'coalesce(open_minutes, 0)::numeric',
    ...deadline('resolution', 'resolution_due_at', 'first_resolved_at'),
  },
  rows: 'facts',
};
/** What the escalations report reads: per day (the ticket's), the ticket's department and the department told, the tickets told and their steps. */
export const DAILY_ESCALATIONS: DailyCounts = {
  table: 'report_daily_escalations',
  groups: ['department_id', 'told_department_id'],
  measures: { tickets: '1', warnings: 'warnings', breaches: 'breaches', escalated_above: 'escalated_above' },
  rows: 'escalations',
};
export const DAILY_COUNTS = [DAILY_VOLUME, DAILY_SUBJECTS, DAILY_OUTCOMES, DAILY_MAHALLELER, DAILY_ESCALATIONS] as const;

/** The fact columns a moved fact carries into the counts: all of them but its id. */
export const COUNTED_COLUMNS = FACT_COLUMNS.filter((c) => c !== 'ticket_id');

/** Each group's measures summed over `source` (its counted rows' columns, and a `sign` when given), grouped by day and the count's groups. */
export function groupedCounts({ groups, measures }: DailyCounts, source: string, sign = '1'): string {
  const columns = groups.join(', ');
  const sums = Object.values(measures).map((expr) => `sum(${sign} * (${expr}))`);
  return `SELECT created_day, ${columns}, ${sums.join(', ')} FROM ${source} GROUP BY created_day, ${columns}`;
}

/**
 * CTEs (after the `sources` they name, one per kind of counted row: the facts' holding
 * `COUNTED_COLUMNS`, the ladder steps' `ESCALATION_ROW_COLUMNS`, each with a `sign`: -1 for a row
 * taken away, 1 for one added) that add each group's sums to its per-day counts, then the days where
 * a group fell to zero. Groups whose sums are all zero are not written; each table's rows are written
 * in key order, so two refresh batches side by side lock shared groups in the same order.
 */
export function countDeltas(sources: Record<CountedRows, string>): string {
  const deltas = DAILY_COUNTS.map((counts) => {
    const { table, groups, measures } = counts;
    const columns = groups.join(', ');
    const names = Object.keys(measures);
    const changed = Object.values(measures).map((expr) => `sum(sign * (${expr})) <> 0`);
    return `${table}_delta AS (
  INSERT INTO ${table} AS d (day, ${columns}, ${names.join(', ')})
  ${groupedCounts(counts, sources[counts.rows], 'sign')} HAVING ${changed.join(' OR ')} ORDER BY created_day, ${columns}
  ON CONFLICT (day, ${columns}) DO UPDATE SET ${names.map((n) => `${n} = d.${n} + EXCLUDED.${n}`).join(', ')}
  RETURNING '${table}'::text AS counts, d.day, d.tickets)`;
  });
  const changed = DAILY_COUNTS.map(({ table }) => `SELECT * FROM ${table}_delta`).join(' UNION ALL ');
  return `${deltas.join(',\n')}
SELECT DISTINCT counts, day::text AS day FROM (${changed}) changed WHERE tickets = 0`;
}

export function dropEmptyGroups({ table }: DailyCounts): string {
  return `DELETE FROM ${table} WHERE day = ANY($1::date[]) AND tickets = 0`;
}
