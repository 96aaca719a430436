import { OPEN_STATUSES } from '@app/domain';
import { ReportFilter } from './report-filter';
import { Build, r2, ReportOptions, ReportSql, scoped } from './report-sql';
import { cimer, law4982 } from './legal-reports';
import { topSubjects, volume } from './counting-reports';
import { deadlineCompliance, mahalleler, summary } from './outcome-reports';
import { escalations } from './escalation-report';
import { resolutionTimes } from './resolution-times';

export type { ReportOptions, ReportSql } from './report-sql';

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The open tickets of the period per department, and their ages: computed on creation instants
 * (an age falls as the instant rises) in floating point, and named after grouping. Each
 * department's open facts of the period are one range of the open facts' index by department and
 * instant, read department by department (with the unrouted apart): grouped over the whole index,
 * the period bounds only its second column and every open fact of every year is read. Each
 * median is the middle one or two creation instants, read at their position in the same range
 * (`percentile_cont` would sort them).
 */
const backlog: Build = (filter, options) => {
  const q = scoped(filter);
  const now = q.param(options.now);
  const before = (days: number) => `${now}::timestamptz - interval '${days} days'`;
  const days = (seconds: string) => r2(`(date_part('epoch', ${now}::timestamptz) - ${seconds}) / 86400`);
  const epoch = (alias: string) => `date_part('epoch', ${alias}.created_at)`;
  const open = (department: string) => `FROM report_ticket_facts f WHERE ${q.where} AND f.status IN ${OPEN} AND ${department}`;
  const figures = (department: string) =>
    `(SELECT count(*)::int AS open, count(*) FILTER (WHERE f.resolution_due_at < ${now})::int AS overdue,
             avg(${epoch('f')}) AS created_mean, date_part('epoch', min(f.created_at)) AS created_first,
             count(*) FILTER (WHERE f.created_at > ${before(3)})::int AS age0to2,
             count(*) FILTER (WHERE f.created_at <= ${before(3)} AND f.created_at > ${before(8)})::int AS age3to7,
             count(*) FILTER (WHERE f.created_at <= ${before(8)} AND f.created_at > ${before(31)})::int AS age8to30,
             count(*) FILTER (WHERE f.created_at <= ${before(31)})::int AS age_over30
        ${open(department)})`;
  const middle = (department: string) =>
    `(SELECT avg(${epoch('m')}) FROM (SELECT f.created_at ${open(department)}
                                      ORDER BY f.created_at OFFSET (g.open - 1) / 2 LIMIT 2 - g.open % 2) m)`;
  return {
    params: q.params,
    sql: `SELECT g.department_id AS "departmentId", g.department AS "department", g.open AS "open", g.overdue AS "overdue",
                 ${days('g.created_mean')} AS "ageMeanDays",
                 ${days(`CASE WHEN g.department_id IS NULL THEN ${middle('f.department_id IS NULL')} ELSE ${middle('f.department_id = g.department_id')} END`)} AS "ageMedianDays",
                 ${days('g.created_first')} AS "ageMaxDays",
                 g.age0to2 AS "age0to2", g.age3to7 AS "age3to7", g.age8to30 AS "age8to30", g.age_over30 AS "ageOver30"
            FROM (SELECT k.id AS department_id, k.name AS department, a.* FROM departments k CROSS JOIN LATERAL ${figures('f.department_id = k.id')} a
                  UNION ALL
                  SELECT NULL::uuid, NULL, a.* FROM ${figures('f.department_id IS NULL')} a) g
           WHERE g.open > 0
           ORDER BY 3 DESC, 2`,
  };
};

/**
 * One row per ticket, without citizen data (KVKK): what the tickets export and drill-downs show;
 * `facts` is where the facts (alias `f`) come from when a drill-down has a narrower source.
 */
export function ticketRows(filter: ReportFilter, options: ReportOptions, extra = '', facts = 'report_ticket_facts f'): ReportSql {
  const q = scoped(filter);
  const day = q.param(options.workingDayMinutes);
  return {
    params: q.params,
    sql: `SELECT t.tracking_no AS "trackingNo", f.created_at AS "createdAt", f.kind::text AS "kind", f.channel::text AS "channel",
                 f.status::text AS "status", d.name AS "department", c.name AS "category", m.name AS "mahalle", t.subject AS "subject",
                 f.legal_basis::text AS "legalBasis", f.resolution AS "resolution", f.resolution_due_at AS "resolutionDueAt",
                 f.first_resolved_at AS "firstResolvedAt", f.resolved_at AS "resolvedAt", ${r2('f.open_minutes / 1440')} AS "resolutionDays",
                 ${r2(`f.open_working_minutes / ${day}::float8`)} AS "resolutionWorkingDays", f.reopen_count AS "reopenCount", t.id AS "id"
            FROM ${facts} JOIN tickets t ON t.id = f.ticket_id
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
