import { REPORT_TIME_ZONE } from '../report-filter';

/**
 * Resolution times of past months as histograms. A histogram covers a span of months (1, a
 * month; 3, a quarter; 12, a year) from its `start`, and counts, per grouping
 * (`DURATION_DIMENSIONS`), the fact's department, the group's key and measure (0 calendar
 * minutes, 1 working minutes), the resolved facts in each bucket of their duration and the sum of
 * their minutes. Buckets grow by `BUCKET_GROWTH` (2 %): bucket b holds the durations from
 * GROWTH^b up to GROWTH^(b+1) minutes, bucket -1 those under a minute. A percentile read from them
 * is the mean of the bucket it falls in, so within 2 % of the exact one; counts and means are
 * exact. A quarter or a year is the sum of its months: durations fill the same buckets month after
 * month, so a year has about as many rows as a month, and a year's report reads one histogram.
 * Months are built from their facts (the Istanbul month of `created_day`), quarters and years from
 * their months.
 */
export const BUCKET_GROWTH = 1.02;

/** The groupings resolution times offer, each with the fact column it groups by. */
export const DURATION_DIMENSIONS = {
  kind: 'kind',
  channel: 'channel',
  department: 'department_id',
  category: 'category_id',
  mahalle: 'mahalle_id',
} as const;

/** The bucket of a duration in minutes (an SQL expression). */
export const bucketOf = (minutes: string) => `CASE WHEN ${minutes} < 1 THEN -1 ELSE floor(ln(${minutes}) / ln(${BUCKET_GROWTH}))::int END`;

/** A fact's two durations as rows (`measure`, `minutes`), for a facts source aliased `f`. */
export const DURATION_ROWS = `CROSS JOIN LATERAL (VALUES (0::smallint, f.open_minutes), (1::smallint, f.open_working_minutes)) d(measure, minutes)`;

const inMonth = (month: string) =>
  `f.created_at >= (${month}::date::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}') AND f.created_at < ((${month}::date + interval '1 month')::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`;

/** The quarter and the year a month ($1) is part of, as (span, start) rows. */
const ROLLUPS_OF_MONTH = `(3::smallint, date_trunc('quarter', $1::date)::date), (12::smallint, date_trunc('year', $1::date)::date)`;

/**
 * Builds the month $1 again from its facts in one statement (one snapshot): its old rows deleted,
 * its new ones written, its quarter and year unbuilt (no longer read; their rows are replaced when
 * they are built again from their months), and only the changes recorded before the snapshot taken
 * off the queue, so a refresh batch committed meanwhile leaves the month to build again; built at
 * $2 (the service's clock).
 */
export const BUILD_MONTH = `
WITH durations AS MATERIALIZED (
  SELECT f.department_id, f.kind::text AS kind, f.channel::text AS channel, f.department_id::text AS department,
         f.category_id::text AS category, f.mahalle_id::text AS mahalle, d.measure, d.minutes, ${bucketOf('d.minutes')} AS bucket
    FROM report_ticket_facts f ${DURATION_ROWS}
   WHERE ${inMonth('$1')} AND f.open_minutes IS NOT NULL),
gone AS (DELETE FROM report_duration_histograms WHERE span = 1 AND start = $1),
unbuilt AS (DELETE FROM report_duration_spans b USING (VALUES ${ROLLUPS_OF_MONTH}) s(span, start) WHERE b.span = s.span AND b.start = s.start),
taken AS (DELETE FROM report_duration_changes WHERE month = $1),
written AS (
  INSERT INTO report_duration_histograms (span, start, dimension, department_id, key, measure, bucket, resolved, minutes)
  ${Object.keys(DURATION_DIMENSIONS)
    .map(
      (name) =>
        `SELECT 1, $1, '${name}', department_id, ${name}, measure, bucket, count(*), sum(minutes) FROM durations GROUP BY department_id, ${name}, measure, bucket`,
    )
    .join('\n  UNION ALL ')})
INSERT INTO report_duration_spans (span, start, built_at) VALUES (1, $1, $2) ON CONFLICT (span, start) DO UPDATE SET built_at = $2`;

/** The quarters and years not built whose months all are, with their start (text). */
export const ROLLUPS_TO_BUILD = `
SELECT r.span, r.start::text AS start FROM (
  SELECT DISTINCT s.span, date_trunc(CASE s.span WHEN 3 THEN 'quarter' ELSE 'year' END, m.start)::date AS start
    FROM report_duration_spans m CROSS JOIN (VALUES (3::smallint), (12::smallint)) s(span) WHERE m.span = 1) r
 WHERE NOT EXISTS (SELECT 1 FROM report_duration_spans b WHERE b.span = r.span AND b.start = r.start)
   AND (SELECT count(*) FROM report_duration_spans m WHERE m.span = 1 AND m.start >= r.start AND m.start < r.start + r.span * interval '1 month') = r.span
 ORDER BY 2 DESC, 1`;

/** Builds the quarter or year ($1 months from $2) as the sum of its months' histograms, at $3. */
export const BUILD_ROLLUP = `
WITH gone AS (DELETE FROM report_duration_histograms WHERE span = $1 AND start = $2),
written AS (
  INSERT INTO report_duration_histograms (span, start, dimension, department_id, key, measure, bucket, resolved, minutes)
  SELECT $1, $2, dimension, department_id, key, measure, bucket, sum(resolved), sum(minutes) FROM report_duration_histograms
   WHERE span = 1 AND start >= $2::date AND start < $2::date + $1 * interval '1 month' GROUP BY dimension, department_id, key, measure, bucket)
INSERT INTO report_duration_spans (span, start, built_at) VALUES ($1, $2, $3) ON CONFLICT (span, start) DO UPDATE SET built_at = $3`;

/**
 * A CTE for the refresh batch: the months whose histograms the batch's moved facts (`source`,
 * the counted columns with their sign) change, queued to be built again. Only added to, so two
 * batches side by side never wait on each other here.
 */
export const markChangedMonths = (source: string) =>
  `duration_changes AS (INSERT INTO report_duration_changes (month) SELECT DISTINCT date_trunc('month', created_day)::date FROM ${source} WHERE open_minutes IS NOT NULL)`;

/** The months with changes not yet built into their histograms, not built since $1, newest first. */
export const CHANGED_MONTHS = `
SELECT DISTINCT c.month::text AS month FROM report_duration_changes c
  LEFT JOIN report_duration_spans b ON b.span = 1 AND b.start = c.month
 WHERE b.built_at IS NULL OR b.built_at <= $1 ORDER BY 1 DESC`;

/**
 * The changes of the month $1 and later (the current month, read from its facts and never built)
 * kept as one row a month, so the month is built once it is past.
 */
export const COMPACT_CURRENT = `
WITH gone AS (DELETE FROM report_duration_changes WHERE month >= $1 RETURNING month)
INSERT INTO report_duration_changes (month) SELECT DISTINCT month FROM gone`;

/**
 * The histograms built inside the period (`from`, `to`, `current` month: parameters) whose months
 * are all unchanged since and past, as `span` and `start` (text).
 */
export const builtSpans = (from: string, to: string, current: string) => `
SELECT b.span, b.start::text AS start FROM report_duration_spans b
 WHERE b.start >= ${from}::date AND b.start + b.span * interval '1 month' <= ${to}::date + 1
   AND b.start + b.span * interval '1 month' <= ${current}::date
   AND NOT EXISTS (SELECT 1 FROM report_duration_changes c WHERE c.month >= b.start AND c.month < b.start + b.span * interval '1 month')
 ORDER BY 2, 1 DESC`;
