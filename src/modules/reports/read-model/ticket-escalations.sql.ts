import { ESCALATION_ROW_COLUMNS } from './daily-counts.sql';

const STEPS = ['warnings', 'breaches', 'escalated_above'] as const;
const STEP_COLUMNS = STEPS.join(', ');

/**
 * The ladder steps of the batch's tickets, per department told: `fresh` (the tickets' facts as
 * recomputed) with their clocks' escalations, found by the clock's subject and the escalations'
 * (clock, level) index, so no escalation is read but the batch's. A step not yet told is the
 * department's the ticket is in now, as the escalations report always counted it.
 */
const ESCALATED = `
  SELECT n.ticket_id, coalesce(e.department_id, n.department_id) AS department_id,
         count(*) FILTER (WHERE e.level = 1)::int AS warnings, count(*) FILTER (WHERE e.level = 2)::int AS breaches,
         count(*) FILTER (WHERE e.level = 3)::int AS escalated_above
    FROM fresh n JOIN sla_clocks c ON c.subject_type = 'ticket' AND c.subject_id = n.ticket_id
    JOIN escalations e ON e.clock_id = c.id
   GROUP BY 1, 2`;

const sameRow = (a: string, b: string) => `${a}.ticket_id = ${b}.ticket_id AND ${a}.department_id IS NOT DISTINCT FROM ${b}.department_id`;

/**
 * The refresh batch's CTEs for `report_ticket_escalations`, after its `fresh` and `old` facts:
 * rows no longer there deleted, the others written where they changed, and `escalations_moved`,
 * the counted rows (`ESCALATION_ROW_COLUMNS`, a `sign`) that move the per-day counts: every row
 * the batch had taken away with its old fact's day and department, every row it has added with
 * the new one's (a row that did not change adds nothing to any group).
 */
export const TICKET_ESCALATION_CTES = `
escalated AS MATERIALIZED (${ESCALATED}),
escalated_before AS MATERIALIZED (
  SELECT ticket_id, department_id, ${STEP_COLUMNS} FROM report_ticket_escalations WHERE ticket_id = ANY($1::uuid[])),
escalations_gone AS (
  DELETE FROM report_ticket_escalations x USING escalated_before o
   WHERE ${sameRow('x', 'o')} AND NOT EXISTS (SELECT 1 FROM escalated n WHERE ${sameRow('n', 'o')})),
escalations_written AS (
  INSERT INTO report_ticket_escalations AS x (ticket_id, department_id, ${STEP_COLUMNS}) SELECT * FROM escalated
  ON CONFLICT (ticket_id, department_id) DO UPDATE SET ${STEPS.map((s) => `${s} = EXCLUDED.${s}`).join(', ')}
  WHERE (x.*) IS DISTINCT FROM (EXCLUDED.*)),
escalations_moved (${ESCALATION_ROW_COLUMNS.join(', ')}, sign) AS (
  SELECT o.created_day, o.department_id, b.department_id, ${STEPS.map((s) => `b.${s}`).join(', ')}, -1
    FROM escalated_before b JOIN old o ON o.ticket_id = b.ticket_id
  UNION ALL
  SELECT n.created_day, n.department_id, a.department_id, ${STEPS.map((s) => `a.${s}`).join(', ')}, 1
    FROM escalated a JOIN fresh n ON n.ticket_id = a.ticket_id)`;
