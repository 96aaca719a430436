import { OPEN_STATUSES } from '@app/domain';
import { REPORT_TIME_ZONE, ReportFilter } from './report-filter';
import { ResolutionGroup } from './dto/report-query.dto';
import { Build, ReportOptions, ReportSql, scoped } from './report-sql';
import { cimer, law4982 } from './legal-reports';
import { topSubjects, volume } from './counting-reports';

export type { ReportOptions, ReportSql } from './report-sql';

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const r2 = (expr: string) => `round((${expr})::numeric, 2)::float8`;
const percent = (part: string, whole: string) => `round((100.0 * (${part}) / nullif(${whole}, 0))::numeric, 1)::float8`;

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

const summary: Build = (filter) => {
  const q = scoped(filter);
  const sameDay = `count(*) FILTER (WHERE (f.first_resolved_at AT TIME ZONE '${REPORT_TIME_ZONE}')::date = f.created_day)`;
  const phone = `count(*) FILTER (WHERE f.channel = 'phone')`;
  const duringCall = 'count(*) FILTER (WHERE f.during_call)';
  return {
    params: q.params,
    sql: `SELECT count(*)::int AS "tickets", count(*) FILTER (WHERE f.resolved_at IS NOT NULL)::int AS "resolved",
                 count(*) FILTER (WHERE f.status IN ${OPEN})::int AS "open",
                 count(*) FILTER (WHERE f.reopen_count > 0)::int AS "reopened",
                 ${sameDay}::int AS "answeredSameDay", ${percent(sameDay, 'count(*)')} AS "answeredSameDayPercent",
                 ${phone}::int AS "phoneTickets", ${duringCall}::int AS "solvedDuringCall", ${percent(duringCall, phone)} AS "solvedDuringCallPercent"
            FROM report_ticket_facts f WHERE ${q.where}`,
  };
};

const deadlineCompliance: Build = (filter, options) => {
  const q = scoped(filter);
  const now = q.param(options.now);
  const outcome = (due: string, done: string, name: string) => {
    const met = `count(*) FILTER (WHERE ${done} <= ${due})`;
    const missed = `count(*) FILTER (WHERE ${done} > ${due} OR (${done} IS NULL AND ${due} < ${now}))`;
    return (
      `count(*) FILTER (WHERE ${due} IS NOT NULL)::int AS "${name}WithDeadline", ${met}::int AS "${name}Met", ${missed}::int AS "${name}Missed", ` +
      `count(*) FILTER (WHERE ${done} IS NULL AND ${due} >= ${now})::int AS "${name}Pending", ${percent(met, `(${met} + ${missed})`)} AS "${name}MetPercent"`
    );
  };
  return {
    params: q.params,
    sql: `SELECT f.legal_basis::text AS "legalBasis", f.deadline_policy_id AS "policyId", p.name AS "policy", count(*)::int AS "tickets",
                 ${outcome('f.resolution_due_at', 'f.first_resolved_at', 'resolution')},
                 ${outcome('f.first_response_due_at', 'f.first_responded_at', 'firstResponse')}
            FROM report_ticket_facts f LEFT JOIN deadline_policies p ON p.id = f.deadline_policy_id
           WHERE ${q.where} GROUP BY 1, 2, 3 ORDER BY 1, 3`,
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

const mahalleler: Build = (filter, options) => {
  const q = scoped(filter);
  const now = q.param(options.now);
  const met = 'count(*) FILTER (WHERE f.first_resolved_at <= f.resolution_due_at)';
  const missed = `count(*) FILTER (WHERE f.first_resolved_at > f.resolution_due_at OR (f.first_resolved_at IS NULL AND f.resolution_due_at < ${now}))`;
  return {
    params: q.params,
    sql: `SELECT f.mahalle_id AS "mahalleId", m.name AS "mahalle", count(*)::int AS "tickets",
                 count(*) FILTER (WHERE f.status IN ${OPEN})::int AS "open", ${r2('avg(f.open_minutes) / 1440')} AS "resolutionDaysMean",
                 ${percent(met, `(${met} + ${missed})`)} AS "deadlineMetPercent"
            FROM report_ticket_facts f LEFT JOIN mahalleler m ON m.id = f.mahalle_id
           WHERE ${q.where} GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
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
