import { OPEN_STATUSES } from '@app/domain';
import { ReportFilter } from './report-filter';
import { ResolutionGroup } from './dto/report-query.dto';
import { Build, r2, ReportOptions, ReportSql, scoped } from './report-sql';
import { cimer, law4982 } from './legal-reports';
import { topSubjects, volume } from './counting-reports';
import { deadlineCompliance, mahalleler, summary } from './outcome-reports';

export type { ReportOptions, ReportSql } from './report-sql';

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const GROUPS: Record<ResolutionGroup, { key: string; label: string; join: string }> = {
  kind: { key: 'f.kind::text', label: 'f.kind::text', join: '' },
  channel: { key: 'f.channel::text', label: 'f.channel::text', join: '' },
  department: { key: 'f.department_id::text', label: 'g.name', join: 'LEFT JOIN departments g ON g.id = f.department_id' },
  category: { key: 'f.category_id::text', label: 'g.name', join: 'LEFT JOIN categories g ON g.id = f.category_id' },
  mahalle: { key: 'f.mahalle_id::text', label: 'g.name', join: 'LEFT JOIN mahalleler g ON g.id = f.mahalle_id' },
};

// Each column's median and 90th percentile come from one sort (`percentile_cont` of an array), then
// are taken apart outside the grouping: two sorts per group instead of four.
const resolutionTimes: Build = (filter, options) => {
  const q = scoped(filter);
  const group = GROUPS[options.groupBy ?? 'kind'];
  const day = q.param(options.workingDayMinutes);
  const sorted = (column: string, name: string) =>
    `avg(${column}) AS "${name}_mean", percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${column}) AS "${name}_p"`;
  const stats = (unit: string, name: string) =>
    `${r2(`"${name}_mean" / ${unit}`)} AS "${name}Mean", ${r2(`"${name}_p"[1] / ${unit}`)} AS "${name}Median", ${r2(`"${name}_p"[2] / ${unit}`)} AS "${name}P90"`;
  return {
    params: q.params,
    sql: `SELECT "key", "label", "resolved", ${stats('1440', 'days')}, ${stats(`${day}::float8`, 'workingDays')}
            FROM (SELECT ${group.key} AS "key", ${group.label} AS "label", count(*)::int AS "resolved",
                         ${sorted('f.open_minutes', 'days')}, ${sorted('f.open_working_minutes', 'workingDays')}
                    FROM report_ticket_facts f ${group.join}
                   WHERE ${q.where} AND f.open_minutes IS NOT NULL GROUP BY 1, 2) g
           ORDER BY "label"`,
  };
};

const backlog: Build = (filter, options) => {
  const q = scoped(filter);
  const now = q.param(options.now);
  const age = `(extract(epoch FROM ${now}::timestamptz - f.created_at) / 86400)`;
  return {
    params: q.params,
    sql: `SELECT f.department_id AS "departmentId", d.name AS "department", count(*)::int AS "open",
                 count(*) FILTER (WHERE f.resolution_due_at < ${now})::int AS "overdue",
                 ${r2(`avg(${age})`)} AS "ageMeanDays", ${r2(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age})`)} AS "ageMedianDays",
                 ${r2(`max(${age})`)} AS "ageMaxDays",
                 count(*) FILTER (WHERE ${age} < 3)::int AS "age0to2", count(*) FILTER (WHERE ${age} >= 3 AND ${age} < 8)::int AS "age3to7",
                 count(*) FILTER (WHERE ${age} >= 8 AND ${age} < 31)::int AS "age8to30", count(*) FILTER (WHERE ${age} >= 31)::int AS "ageOver30"
            FROM report_ticket_facts f LEFT JOIN departments d ON d.id = f.department_id
           WHERE ${q.where} AND f.status IN ${OPEN} GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
  };
};

/** Ladder steps taken for the period's tickets, per department (the one told at the time). */
const escalations: Build = (filter) => {
  const q = scoped(filter);
  return {
    params: q.params,
    sql: `SELECT coalesce(e.department_id, f.department_id) AS "departmentId", d.name AS "department",
                 count(*) FILTER (WHERE e.level = 1)::int AS "warnings", count(*) FILTER (WHERE e.level = 2)::int AS "breaches",
                 count(*) FILTER (WHERE e.level = 3)::int AS "escalatedAbove", count(DISTINCT e.subject_id)::int AS "tickets"
            FROM escalations e JOIN report_ticket_facts f ON f.ticket_id = e.subject_id
            LEFT JOIN departments d ON d.id = coalesce(e.department_id, f.department_id)
           WHERE e.subject_type = 'ticket' AND ${q.where} GROUP BY 1, 2 ORDER BY 4 DESC, 2`,
  };
};

/** One row per ticket, without citizen data (KVKK): what the tickets export and drill-downs show. */
export function ticketRows(filter: ReportFilter, options: ReportOptions, extra = ''): ReportSql {
  const q = scoped(filter);
  const day = q.param(options.workingDayMinutes);
  return {
    params: q.params,
    sql: `SELECT t.tracking_no AS "trackingNo", f.created_at AS "createdAt", f.kind::text AS "kind", f.channel::text AS "channel",
                 f.status::text AS "status", d.name AS "department", c.name AS "category", m.name AS "mahalle", t.subject AS "subject",
                 f.legal_basis::text AS "legalBasis", f.resolution AS "resolution", f.resolution_due_at AS "resolutionDueAt",
                 f.first_resolved_at AS "firstResolvedAt", f.resolved_at AS "resolvedAt", ${r2('f.open_minutes / 1440')} AS "resolutionDays",
                 ${r2(`f.open_working_minutes / ${day}::float8`)} AS "resolutionWorkingDays", f.reopen_count AS "reopenCount", t.id AS "id"
            FROM report_ticket_facts f JOIN tickets t ON t.id = f.ticket_id
            LEFT JOIN departments d ON d.id = f.department_id LEFT JOIN categories c ON c.id = f.category_id
            LEFT JOIN mahalleler m ON m.id = f.mahalle_id
           WHERE ${q.where} ${extra} ORDER BY f.created_at, f.ticket_id`,
  };
}

export const REPORTS = {
  volume,
  'resolution-times': resolutionTimes,
  summary,
  'deadline-compliance': deadlineCompliance,
  backlog,
  escalations,
  'top-subjects': topSubjects,
  mahalleler,
  tickets: (filter: ReportFilter, options: ReportOptions) => ticketRows(filter, options),
  'bilgi-edinme': law4982,
  cimer,
} satisfies Record<string, Build>;

export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];
