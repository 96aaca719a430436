import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { exportJobId } from './exports/report-exports.service';
import { ReportFacts } from './read-model/report-facts.service';
import { DurationHistograms } from './read-model/duration-histograms.service';

/**
 * In workers: refreshes the reports' read model every REPORTS_REFRESH_INTERVAL_MS, builds the
 * resolution-time histograms of changed past months (for about a sweep's interval each time), re-enqueues
 * exports whose job was lost, and deletes export files past REPORTS_EXPORT_KEEP_HOURS.
 */
@Injectable()
export class ReportsSweeper extends IntervalSweeper {
  private lastRefresh = 0;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Reports) private readonly queue: JobQueue<QueueName.Reports>,
    private readonly facts: ReportFacts,
    private readonly histograms: DurationHistograms,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    if (Date.now() - this.lastRefresh >= this.config.REPORTS_REFRESH_INTERVAL_MS) {
      this.lastRefresh = Date.now();
      await this.facts.refresh();
    }
    await this.histograms.build(this.config.SWEEP_INTERVAL_MS);
    const now = this.clock.now().getTime();
    const queued: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report_exports WHERE state = 'queued' AND created_at < $1 ORDER BY created_at LIMIT 100`,
      [new Date(now - this.config.SWEEP_GRACE_MS)],
    );
    if (queued.length)
      await this.queue.addBulk(queued.map((r) => ({ name: 'export-report' as const, data: { exportId: r.id }, opts: { jobId: exportJobId(r.id) } })));
    const expired: { id: string; file_name: string | null }[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM report_exports WHERE state IN ('done', 'failed') AND created_at < $1 RETURNING id, file_name) SELECT * FROM gone`,
      [new Date(now - this.config.REPORTS_EXPORT_KEEP_HOURS * 3_600_000)],
    );
    for (const row of expired) if (row.file_name) await rm(resolve(this.config.REPORTS_EXPORT_DIR, row.file_name), { force: true });
    return queued.length;
  }
}
