import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localDateOf } from '@app/calendar';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { BUILD_MONTH, BUILD_ROLLUP, CHANGED_MONTHS, COMPACT_CURRENT, ROLLUPS_TO_BUILD } from './duration-histograms.sql';
import { REFRESH_LOCK } from './report-facts.service';

// Any constant: one process builds at a time. Separate from the refresh's lock: a build reads the
// facts in one snapshot and takes off only the changes that snapshot saw, so refreshes may go on.
const BUILD_LOCK = 742_032;

// Whether a refresh holds its lock (a bigint key is held as classid 0, objid the key, objsubid 1).
const REFRESHING = `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ${REFRESH_LOCK}
                     AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS refreshing`;

/** The first day of the Istanbul month of `at`, as `YYYY-MM-01`. */
export const monthOf = (at: Date): string => `${localDateOf(at).slice(0, 7)}-01`;

/**
 * Builds the resolution-time histograms (`duration-histograms.sql.ts`) of past months whose facts
 * changed since they were last built and that were not built within REPORTS_HISTOGRAMS_REBUILD_MS
 * (last month's facts change with every answer for weeks, and its year is built again with it),
 * newest first, then the quarters and years whose months are all built. A month not built, or changed since, is read from its facts by the report, so the
 * histograms may lag the facts without a figure being wrong.
 */
@Injectable()
export class DurationHistograms {
  private readonly logger = new Logger(DurationHistograms.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Builds changed past months, then quarters and years, until `budgetMs` has passed (a histogram
   * started is finished); returns how many it built, or null when another process was building or
   * the read model is being refreshed (the months a refresh moves would be built again after it:
   * the first refresh of millions of tickets would have them built over and over).
   */
  async build(budgetMs = Number.POSITIVE_INFINITY): Promise<number | null> {
    const started = Date.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if ((await runner.query(REFRESHING))[0].refreshing) return null;
      if (!(await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [BUILD_LOCK]))[0].locked) return null;
      try {
        const now = this.clock.now();
        const current = monthOf(now);
        await runner.query(COMPACT_CURRENT, [current]);
        const rebuiltBefore = new Date(now.getTime() - this.config.REPORTS_HISTOGRAMS_REBUILD_MS);
        const changed = (await runner.query(CHANGED_MONTHS, [rebuiltBefore])) as { month: string }[];
        const months = changed.map((c) => c.month).filter((month) => month < current);
        // A month's facts are grouped five ways in one statement: compiling it would cost more than it saves.
        await runner.query(`SET jit = off`);
        let built = 0;
        const inBudget = () => Date.now() - started < budgetMs;
        for (const month of months) {
          if (!inBudget()) break;
          await runner.query(BUILD_MONTH, [month, now]);
          built += 1;
        }
        const rollups = inBudget() ? ((await runner.query(ROLLUPS_TO_BUILD)) as { span: number; start: string }[]) : [];
        for (const { span, start } of rollups) {
          if (!inBudget()) break;
          await runner.query(BUILD_ROLLUP, [span, start, now]);
          built += 1;
        }
        if (built) this.logger.log({ msg: 'resolution time histograms built', histograms: built, ms: Date.now() - started });
        return built;
      } finally {
        // The connection goes back to the pool as it came, whether or not a build failed.
        if (!runner.isReleased) {
          await runner.query('RESET jit');
          await runner.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]);
        }
      }
    } finally {
      await runner.release();
    }
  }
}
