import { Client } from 'pg';

export interface HistogramsBuilt {
  seconds: number;
  /** Histograms built, by span in months (1, 3, 12). */
  spans: Record<string, number>;
  rows: number;
  mb: number;
}

// What the workers have still to build: past months changed since their build, and quarters and years
// whose months are all built but they are not (as `duration-histograms.sql.ts` chooses them).
const PENDING = `
WITH months AS (SELECT start FROM report_duration_spans WHERE span = 1),
rollups AS (SELECT DISTINCT s.span, date_trunc(CASE s.span WHEN 3 THEN 'quarter' ELSE 'year' END, m.start)::date AS start
              FROM months m CROSS JOIN (VALUES (3), (12)) s(span))
SELECT (SELECT count(*) FROM report_duration_changes
         WHERE month < date_trunc('month', now() AT TIME ZONE 'Europe/Istanbul')::date)
     + (SELECT count(*) FROM rollups r
         WHERE NOT EXISTS (SELECT 1 FROM report_duration_spans b WHERE b.span = r.span AND b.start = r.start)
           AND (SELECT count(*) FROM months m WHERE m.start >= r.start AND m.start < r.start + r.span * interval '1 month') = r.span) AS pending`;

/**
 * Waits until the service's workers have built the resolution-time histograms (a sweep builds for
 * about its interval, every interval), and says how long that took from `since`, and what they hold.
 */
export async function histogramsBuilt(pg: Client, since: number, timeoutMs = 3_600_000): Promise<HistogramsBuilt> {
  while (Number((await pg.query(PENDING)).rows[0].pending) > 0) {
    if (Date.now() - since > timeoutMs) throw new Error('the resolution-time histograms were not built in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = Math.round((Date.now() - since) / 100) / 10;
  const { rows: spans } = await pg.query(`SELECT span, count(*)::int AS n FROM report_duration_spans GROUP BY span`);
  const [{ rows, bytes }] = (
    await pg.query(`SELECT (SELECT count(*) FROM report_duration_histograms)::int AS rows, pg_total_relation_size('report_duration_histograms') AS bytes`)
  ).rows;
  return { seconds, spans: Object.fromEntries(spans.map((s) => [s.span, s.n])), rows, mb: Math.round(Number(bytes) / 1048576) };
}
