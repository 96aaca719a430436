import { addDays } from '@app/calendar';
import { ResolutionGroup } from './dto/report-query.dto';
import { heldBy, ReportFilter, scopeWhereClause, whereClause } from './report-filter';
import { Build, BuiltHistogram, r2, ReportSql, scoped } from './report-sql';
import { bucketOf, DURATION_DIMENSIONS, DURATION_ROWS } from './read-model/duration-histograms.sql';

/** How a group is named (`label`, over the group `g` and `join`; `key` is the group's value as text). */
const LABELS: Record<ResolutionGroup, { label: string; join: string }> = {
  kind: { label: 'g.key::text', join: '' },
  channel: { label: 'g.key::text', join: '' },
  department: { label: 'n.name', join: 'LEFT JOIN departments n ON n.id = g.key::uuid' },
  category: { label: 'n.name', join: 'LEFT JOIN categories n ON n.id = g.key::uuid' },
  mahalle: { label: 'n.name', join: 'LEFT JOIN mahalleler n ON n.id = g.key::uuid' },
};

/** Each grouping's key (text in the histograms) typed as its fact column, so the scope and filters apply to it. */
const KEY_TYPES: Record<ResolutionGroup, string> = { kind: 'text', channel: 'text', department: 'uuid', category: 'uuid', mahalle: 'uuid' };

const stats = (g: string, unit: string, name: string) =>
  `${r2(`${g}."${name}_mean" / ${unit}`)} AS "${name}Mean", ${r2(`${g}."${name}_median" / ${unit}`)} AS "${name}Median", ${r2(`${g}."${name}_p90" / ${unit}`)} AS "${name}P90"`;

/**
 * Mean, median and 90th percentile of the resolved facts' durations per group, in calendar and
 * working days. With `histograms` (those of the period built and unchanged since), the period is
 * covered by the longest of them that fit and the rest read from its facts, bucketed alike: counts
 * and means exact, percentiles within a bucket (2 %). Without, from the facts, exact.
 */
export const resolutionTimes: Build = (filter, options) => {
  const groupBy = options.groupBy ?? 'kind';
  return options.histograms?.length && servedByHistograms(filter, groupBy)
    ? fromHistograms(filter, groupBy, options.workingDayMinutes, cover(filter.from, filter.to, options.histograms))
    : fromFacts(filter, groupBy, options.workingDayMinutes);
};

/** Whether histograms (by department and the grouping's key) can answer this filter. */
export function servedByHistograms(filter: ReportFilter, groupBy: ResolutionGroup): boolean {
  return heldBy(filter, ['department_id', DURATION_DIMENSIONS[groupBy]]);
}

// Each column's median and 90th percentile come from one sort (`percentile_cont` of an array), then
// are taken apart outside the grouping: two sorts per group instead of four. The facts are grouped
// by the column itself and named afterwards: sorting a year's facts by a name's text cost a second.
function fromFacts(filter: ReportFilter, groupBy: ResolutionGroup, workingDayMinutes: number): ReportSql {
  const q = scoped(filter);
  const day = q.param(workingDayMinutes);
  const sorted = (column: string, name: string) =>
    `avg(${column}) AS "${name}_mean", percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${column}) AS "${name}_p"`;
  const taken = (name: string) => `"${name}_mean", "${name}_p"[1] AS "${name}_median", "${name}_p"[2] AS "${name}_p90"`;
  const { label, join } = LABELS[groupBy];
  return {
    params: q.params,
    sql: `SELECT g.key::text AS "key", ${label} AS "label", g.resolved AS "resolved", ${stats('g', '1440', 'days')},
                 ${stats('g', `${day}::float8`, 'workingDays')}, 'exact' AS "percentiles"
            FROM (SELECT key, resolved, ${taken('days')}, ${taken('workingDays')}
                    FROM (SELECT f.${DURATION_DIMENSIONS[groupBy]} AS key, count(*)::int AS resolved, ${sorted('f.open_minutes', 'days')},
                                 ${sorted('f.open_working_minutes', 'workingDays')}
                            FROM report_ticket_facts f WHERE ${q.where} AND f.open_minutes IS NOT NULL GROUP BY 1) s) g ${join}
           ORDER BY "label"`,
  };
}

/**
 * The covering histograms, and the other days of the period from their facts. Each group's buckets
 * are counted up in order; the durations at the two ranks around a percentile's place p·(n−1) are
 * each the mean of the bucket their rank falls in, and the percentile lies between them as
 * `percentile_cont` places it.
 */
function fromHistograms(filter: ReportFilter, groupBy: ResolutionGroup, workingDayMinutes: number, covered: Cover): ReportSql {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const spans = `(h.span, h.start) IN (SELECT * FROM unnest(${p(covered.histograms.map((h) => h.span))}::smallint[], ${p(covered.histograms.map((h) => h.start))}::date[]))`;
  const scope = scopeWhereClause(filter, 'h', params.length);
  params.push(...scope.params);
  // The key also under its fact column's name and type (the department's is department_id itself).
  const column = DURATION_DIMENSIONS[groupBy];
  const keyed = column === 'department_id' ? '' : `, key::${KEY_TYPES[groupBy]} AS ${column}`;
  const histograms = `(SELECT *${keyed} FROM report_duration_histograms WHERE dimension = '${groupBy}') h`;
  const facts = covered.facts.map((span) => {
    const where = whereClause({ ...filter, ...span }, params.length);
    params.push(...where.params);
    return `SELECT f.${DURATION_DIMENSIONS[groupBy]}::text, d.measure, ${bucketOf('d.minutes')}, 1, d.minutes
              FROM report_ticket_facts f ${DURATION_ROWS} WHERE ${where.sql} AND f.open_minutes IS NOT NULL`;
  });
  const day = p(workingDayMinutes);
  // The durations at the ranks either side of p·(n−1), each read as its bucket's mean, and interpolated between as `percentile_cont` does.
  const valueAt = (rank: string) => `min(minutes / resolved) FILTER (WHERE below <= ${rank} AND ${rank} < below + resolved)`;
  const at = (share: number) => {
    const [below, above] = [valueAt(`floor(${share} * (total - 1))`), valueAt(`ceil(${share} * (total - 1))`)];
    const fraction = `(${share} * (max(total) - 1) - floor(${share} * (max(total) - 1)))`;
    return `${below} + ${fraction} * (${above} - ${below})`;
  };
  const measure = (m: number, name: string) =>
    `max(mean) FILTER (WHERE measure = ${m}) AS "${name}_mean", max(median) FILTER (WHERE measure = ${m}) AS "${name}_median", max(p90) FILTER (WHERE measure = ${m}) AS "${name}_p90"`;
  const { label, join } = LABELS[groupBy];
  return {
    params,
    sql: `WITH buckets AS (
            SELECT key, measure, bucket, sum(resolved)::int AS resolved, sum(minutes) AS minutes
              FROM (SELECT h.key, h.measure, h.bucket::int, h.resolved, h.minutes FROM ${histograms} WHERE ${spans} AND ${scope.sql}
                    ${facts.map((sql) => `UNION ALL ${sql}`).join('\n')}) x
             GROUP BY key, measure, bucket),
          counted AS (
            SELECT key, measure, resolved, minutes, sum(resolved) OVER (PARTITION BY key, measure ORDER BY bucket) - resolved AS below,
                   sum(resolved) OVER (PARTITION BY key, measure) AS total, sum(minutes) OVER (PARTITION BY key, measure) AS total_minutes
              FROM buckets),
          measured AS (
            SELECT key, measure, max(total)::int AS resolved, max(total_minutes) / max(total) AS mean, ${at(0.5)} AS median, ${at(0.9)} AS p90
              FROM counted GROUP BY key, measure)
          SELECT g.key AS "key", ${label} AS "label", g.resolved AS "resolved", ${stats('g', '1440', 'days')},
                 ${stats('g', `${day}::float8`, 'workingDays')}, 'approximate' AS "percentiles"
            FROM (SELECT key, max(resolved) AS resolved, ${measure(0, 'days')}, ${measure(1, 'workingDays')} FROM measured GROUP BY key) g ${join}
           ORDER BY "label"`,
  };
}

interface Cover {
  histograms: BuiltHistogram[];
  /** The periods read from the facts. */
  facts: { from: string; to: string }[];
}

/**
 * Covers the days from `from` to `to` (inclusive) with the longest built histograms that start
 * where the cover has reached (a year, else a quarter, else a month), and the days between with
 * periods of facts.
 */
export function cover(from: string, to: string, built: readonly BuiltHistogram[]): Cover {
  const byStart = new Map<string, number[]>();
  for (const { span, start } of built) byStart.set(start, [...(byStart.get(start) ?? []), span]);
  const result: Cover = { histograms: [], facts: [] };
  let factsFrom: string | null = null;
  for (let day = from; day <= to;) {
    const span = Math.max(0, ...(byStart.get(day) ?? []).filter((s) => addMonths(day, s) <= addDays(to, 1)));
    if (span) {
      if (factsFrom) result.facts.push({ from: factsFrom, to: addDays(day, -1) });
      factsFrom = null;
      result.histograms.push({ span, start: day });
      day = addMonths(day, span);
    } else {
      factsFrom ??= day;
      day = addDays(day, 1);
    }
  }
  if (factsFrom) result.facts.push({ from: factsFrom, to });
  return result;
}

/** The first of the month `months` after the first-of-month `day`. */
function addMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
