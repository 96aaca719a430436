import { ESCALATION_ROW_COLUMNS } from './daily-counts.sql';

const STEPS = ['warnings', 'breaches', 'escalated_above'] as const;
const STEP_COLUMNS = STEPS.join(', ');
const steps = (alias: string) => STEPS.map((s) => `${alias}.${s}`).join(', ');
const sameRow = (a: string, b: string) => `${a}.ticket_id = ${b}.ticket_id AND ${a}.department_id IS NOT DISTINCT FROM ${b}.department_id`;

/**
 * The refresh batch's CTEs for `report_ticket_escalations` (a ticket's told ladder steps per
 * department told), after its `fresh` and `old` facts. A ticket's rows change only when one of its
 * steps is told, which queues it in `report_escalated_tickets` (a trigger on `escalations`), and
 * they are counted on its fact's day and department, while it has one; so the batch recomputes the
 * rows of its told tickets alone, from their clocks' escalations, and reads the rows of the tickets
 * whose fact moved, came or went (another department; merged away, or back). Any other ticket costs
 * one look-up in the told queue. `escalations_moved` holds the counted rows
 * (`ESCALATION_ROW_COLUMNS`, a `sign`) that move the per-day counts: each row read, taken away from
 * its old fact's group; each row now held, added to its new fact's group (a row that did not move
 * adds nothing to any group).
 */
export const TICKET_ESCALATION_CTES = `
told AS (DELETE FROM report_escalated_tickets q WHERE q.ticket_id = ANY($1::uuid[]) RETURNING q.ticket_id),
regrouped AS (
  SELECT coalesce(o.ticket_id, n.ticket_id) AS ticket_id FROM old o FULL JOIN fresh n ON n.ticket_id = o.ticket_id
   WHERE o.ticket_id IS NULL OR n.ticket_id IS NULL OR n.department_id IS DISTINCT FROM o.department_id OR n.created_day <> o.created_day
  UNION SELECT ticket_id FROM told),
escalated_before AS MATERIALIZED (
  SELECT x.ticket_id, x.department_id, ${steps('x')} FROM regrouped r JOIN report_ticket_escalations x ON x.ticket_id = r.ticket_id),
escalated AS MATERIALIZED (
  SELECT t.ticket_id, e.department_id, count(*) FILTER (WHERE e.level = 1)::int AS warnings,
         count(*) FILTER (WHERE e.level = 2)::int AS breaches, count(*) FILTER (WHERE e.level = 3)::int AS escalated_above
    FROM told t JOIN sla_clocks c ON c.subject_type = 'ticket' AND c.subject_id = t.ticket_id
    JOIN escalations e ON e.clock_id = c.id AND e.notified_at IS NOT NULL
   GROUP BY 1, 2
  UNION ALL
  SELECT b.ticket_id, b.department_id, ${steps('b')} FROM escalated_before b WHERE NOT EXISTS (SELECT 1 FROM told t WHERE t.ticket_id = b.ticket_id)),
escalations_gone AS (
  DELETE FROM report_ticket_escalations x USING escalated_before o
   WHERE ${sameRow('x', 'o')} AND NOT EXISTS (SELECT 1 FROM escalated n WHERE ${sameRow('n', 'o')})),
escalations_written AS (
  INSERT INTO report_ticket_escalations AS x (ticket_id, department_id, ${STEP_COLUMNS}) SELECT * FROM escalated
  ON CONFLICT (ticket_id, department_id) DO UPDATE SET ${STEPS.map((s) => `${s} = EXCLUDED.${s}`).join(', ')}
  WHERE (x.*) IS DISTINCT FROM (EXCLUDED.*)),
escalations_moved (${ESCALATION_ROW_COLUMNS.join(', ')}, sign) AS (
  SELECT o.created_day, o.department_id, b.department_id, ${steps('b')}, -1
    FROM escalated_before b JOIN old o ON o.ticket_id = b.ticket_id
  UNION ALL
  SELECT n.created_day, n.department_id, a.department_id, ${steps('a')}, 1
    FROM escalated a JOIN fresh n ON n.ticket_id = a.ticket_id)`;
