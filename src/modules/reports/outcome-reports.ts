import { OPEN_STATUSES } from '@app/domain';
import { DAILY_MAHALLELER, DAILY_OUTCOMES } from './read-model/daily-counts.sql';
import { REPORT_TIME_ZONE, ReportFilter } from './report-filter';
import { Build, factsWhere, percent, r2, scoped, scopedDaily } from './report-sql';

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
type Daily = NonNullable<ReturnType<typeof scopedDaily>>;

/**
 * The summary, deadline compliance and mahalleler: from their per-day counts when the filter
 * allows (`report_daily_outcomes`, `report_daily_mahalleler`), from the facts otherwise. Both give
 * the same rows; the `…FromFacts` builders are also what the tests hold the counts to.
 */
export const summary: Build = (filter) => {
  const q = scopedDaily(filter, DAILY_OUTCOMES.groups);
  return q ? summaryFromCounts(q) : summaryFromFacts(filter);
};

export const deadlineCompliance: Build = (filter, options) => {
  const q = scopedDaily(filter, DAILY_OUTCOMES.groups);
  return q ? complianceFromCounts(q, filter, options.now) : complianceFromFacts(filter, options.now);
};

export const mahalleler: Build = (filter, options) => {
  const q = scopedDaily(filter, DAILY_MAHALLELER.groups);
  return q ? mahallelerFromCounts(q, filter, options.now) : mahallelerFromFacts(filter, options.now);
};

export function summaryFromFacts(filter: ReportFilter) {
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
}

function summaryFromCounts(q: Daily) {
  const sum = (column: string) => `coalesce(sum(a.${column}), 0)`;
  return {
    params: q.params,
    sql: `SELECT ${sum('tickets')}::int AS "tickets", ${sum('resolved')}::int AS "resolved", ${sum('open_tickets')}::int AS "open",
                 ${sum('reopened')}::int AS "reopened", ${sum('answered_same_day')}::int AS "answeredSameDay",
                 ${percent(sum('answered_same_day'), sum('tickets'))} AS "answeredSameDayPercent",
                 ${sum('phone')}::int AS "phoneTickets", ${sum('during_call')}::int AS "solvedDuringCall",
                 ${percent(sum('during_call'), sum('phone'))} AS "solvedDuringCallPercent"
            FROM ${DAILY_OUTCOMES.table} a WHERE ${q.where}`,
  };
}

export function complianceFromFacts(filter: ReportFilter, at: Date) {
  const q = scoped(filter);
  const now = q.param(at);
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
}

/**
 * The facts still awaited whose deadline is `now` or later (pending; the counts' other awaited ones
 * are missed), per `groups`: read by the partial index of the awaited facts, so only a few weeks'.
 */
function pendingFacts(q: Daily, filter: ReportFilter, now: string, groups: string, due: string, done: string): string {
  return `SELECT ${groups}, count(*) AS pending FROM report_ticket_facts f
           WHERE ${factsWhere(q, filter)} AND f.${done} IS NULL AND f.${due} >= ${now} GROUP BY ${groups}`;
}

function complianceFromCounts(q: Daily, filter: ReportFilter, at: Date) {
  const now = q.param(at);
  const groups = 'legal_basis, deadline_policy_id';
  const sums = ['tickets', ...['resolution', 'response'].flatMap((d) => ['with_deadline', 'met', 'late', 'awaited'].map((c) => `${d}_${c}`))];
  const outcome = (name: string, d: string) => {
    const [met, missed] = [`c.${d}_met`, `(c.${d}_late + c.${d}_awaited - coalesce(${d}.pending, 0))`];
    return (
      `c.${d}_with_deadline::int AS "${name}WithDeadline", ${met}::int AS "${name}Met", ${missed}::int AS "${name}Missed", ` +
      `coalesce(${d}.pending, 0)::int AS "${name}Pending", ${percent(met, `(${met} + ${missed})`)} AS "${name}MetPercent"`
    );
  };
  const pending = (d: string) => `LEFT JOIN ${d} ON ${d}.legal_basis = c.legal_basis AND ${d}.deadline_policy_id IS NOT DISTINCT FROM c.deadline_policy_id`;
  return {
    params: q.params,
    sql: `WITH c AS (SELECT ${groups}, ${sums.map((s) => `sum(a.${s}) AS ${s}`).join(', ')} FROM ${DAILY_OUTCOMES.table} a WHERE ${q.where} GROUP BY ${groups}),
          resolution AS (${pendingFacts(q, filter, now, groups, 'resolution_due_at', 'first_resolved_at')}),
          response AS (${pendingFacts(q, filter, now, groups, 'first_response_due_at', 'first_responded_at')})
          SELECT c.legal_basis::text AS "legalBasis", c.deadline_policy_id AS "policyId", p.name AS "policy", c.tickets::int AS "tickets",
                 ${outcome('resolution', 'resolution')}, ${outcome('firstResponse', 'response')}
            FROM c ${pending('resolution')} ${pending('response')} LEFT JOIN deadline_policies p ON p.id = c.deadline_policy_id
           ORDER BY 1, 3`,
  };
}

export function mahallelerFromFacts(filter: ReportFilter, at: Date) {
  const q = scoped(filter);
  const now = q.param(at);
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
}

function mahallelerFromCounts(q: Daily, filter: ReportFilter, at: Date) {
  const now = q.param(at);
  const sums = ['tickets', 'open_tickets', 'resolved', 'resolved_minutes', 'resolution_met', 'resolution_late', 'resolution_awaited'];
  const missed = '(c.resolution_late + c.resolution_awaited - coalesce(x.pending, 0))';
  return {
    params: q.params,
    sql: `WITH c AS (SELECT mahalle_id, ${sums.map((s) => `sum(a.${s}) AS ${s}`).join(', ')} FROM ${DAILY_MAHALLELER.table} a WHERE ${q.where} GROUP BY mahalle_id),
          x AS (${pendingFacts(q, filter, now, 'mahalle_id', 'resolution_due_at', 'first_resolved_at')})
          SELECT c.mahalle_id AS "mahalleId", m.name AS "mahalle", c.tickets::int AS "tickets", c.open_tickets::int AS "open",
                 ${r2('(c.resolved_minutes / nullif(c.resolved, 0))::float8 / 1440')} AS "resolutionDaysMean",
                 ${percent('c.resolution_met', `(c.resolution_met + ${missed})`)} AS "deadlineMetPercent"
            FROM c LEFT JOIN x ON x.mahalle_id IS NOT DISTINCT FROM c.mahalle_id LEFT JOIN mahalleler m ON m.id = c.mahalle_id
           ORDER BY 3 DESC, 2`,
  };
}
