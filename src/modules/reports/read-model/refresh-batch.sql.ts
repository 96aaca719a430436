import { COUNTED_COLUMNS, countDeltas } from './daily-counts.sql';
import { markChangedMonths } from './duration-histograms.sql';
import { FACT_COLUMNS, FACT_ROWS } from './fact-rows.sql';
import { TICKET_ESCALATION_CTES } from './ticket-escalations.sql';

const columns = FACT_COLUMNS.join(', ');
const counted = (alias: string) => COUNTED_COLUMNS.map((c) => `${alias}.${c}`).join(', ');
const changedCount = `(${counted('o')}) IS DISTINCT FROM (${counted('n')})`;

/**
 * One batch of the refresh in one statement, for the tickets whose ids are in $1: their facts
 * recomputed (`fresh`) beside the facts they had (`old`, the statement's snapshot); a merged or
 * vanished ticket's facts deleted; the others written only where a column changed (an unchanged
 * row is not rewritten); and a per-day count moved only for the tickets whose counted columns
 * changed (-1 from the old group, +1 to the new), so the counts stay equal to the facts grouped;
 * and the same for the tickets' ladder steps (`TICKET_ESCALATION_CTES`); the months whose resolution
 * time histograms the moved facts change are queued. Answers the days where a count fell to zero.
 */
export const REFRESH_BATCH = `
WITH fresh (${columns}) AS MATERIALIZED (${FACT_ROWS}),
old AS MATERIALIZED (SELECT ticket_id, ${COUNTED_COLUMNS.join(', ')} FROM report_ticket_facts WHERE ticket_id = ANY($1::uuid[])),
gone AS (DELETE FROM report_ticket_facts f USING old o WHERE f.ticket_id = o.ticket_id AND NOT EXISTS (SELECT 1 FROM fresh n WHERE n.ticket_id = o.ticket_id)),
written AS (
  INSERT INTO report_ticket_facts AS f (${columns}) SELECT ${columns} FROM fresh
  ON CONFLICT (ticket_id) DO UPDATE SET ${FACT_COLUMNS.filter((c) => c !== 'ticket_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}
  WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*)),
moved AS (
  SELECT ${counted('o')}, -1 AS sign FROM old o LEFT JOIN fresh n USING (ticket_id) WHERE ${changedCount}
  UNION ALL
  SELECT ${counted('n')}, 1 FROM fresh n LEFT JOIN old o USING (ticket_id) WHERE ${changedCount}),
${markChangedMonths('moved')},${TICKET_ESCALATION_CTES},
${countDeltas({ facts: 'moved', escalations: 'escalations_moved' })}`;
