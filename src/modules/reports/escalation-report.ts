import { DAILY_ESCALATIONS } from './read-model/daily-counts.sql';
import { Build, scoped, scopedDaily } from './report-sql';
import { ReportFilter } from './report-filter';

/** The report's rows from `source` (alias `a`): per department told, its tickets (`tickets`, a row's count) and their steps. */
const perDepartmentTold = (source: string, tickets: string, where: string) =>
  `SELECT a.told_department_id AS "departmentId", d.name AS "department", sum(a.warnings)::int AS "warnings", sum(a.breaches)::int AS "breaches",
          sum(a.escalated_above)::int AS "escalatedAbove", sum(${tickets})::int AS "tickets"
     FROM ${source} LEFT JOIN departments d ON d.id = a.told_department_id
    WHERE ${where} GROUP BY 1, 2 ORDER BY 4 DESC, 2`;

/**
 * Ladder steps told for the period's tickets, per department told (none when the ticket had no
 * department then): from their per-day counts when the filter allows, from the tickets' steps and
 * facts otherwise. Both give the same rows. A step counts from the refresh after it is told.
 */
export const escalations: Build = (filter) => {
  const q = scopedDaily(filter, DAILY_ESCALATIONS.groups);
  if (!q) return escalationsFromFacts(filter);
  return { params: q.params, sql: perDepartmentTold(`${DAILY_ESCALATIONS.table} a`, 'a.tickets', q.where) };
};

export function escalationsFromFacts(filter: ReportFilter) {
  const q = scoped(filter);
  const steps = `(SELECT e.ticket_id, e.department_id AS told_department_id, e.warnings, e.breaches, e.escalated_above FROM report_ticket_escalations e) a
                 JOIN report_ticket_facts f ON f.ticket_id = a.ticket_id`;
  return { params: q.params, sql: perDepartmentTold(steps, '1', q.where) };
}
