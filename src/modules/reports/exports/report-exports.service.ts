import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Clock, DomainException, ErrorKind, ResourceNotFoundException } from '@app/common';
import { AppConfig } from '@app/config';
import { InjectReportsDataSource } from '@app/database';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { AuditAction, AuditEntity, Role, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../../audit';
import { ReportName, ReportOptions } from '../report-definitions';
import { ReportFilter } from '../report-filter';
import { ReportsService } from '../reports.service';
import { ExportState, ReportExport } from './report-export.entity';
import { cursorRows } from './sql-cursor';
import { ExportFormat, tableWriter } from './table-writer';

export const EXPORT_NOT_READY = 'EXPORT_NOT_READY';

export const exportJobId = (id: string) => `export-${id}`;

/** What an export job stores: the report, its checked filter and its options. */
export interface ExportQuery {
  filter: ReportFilter;
  options: Pick<ReportOptions, 'interval' | 'groupBy' | 'top'>;
}

/** Streams a report's rows as CSV or XLSX, straight to a response or to a file through a job. */
@Injectable()
export class ReportExports {
  constructor(
    @InjectRepository(ReportExport) private readonly exports: Repository<ReportExport>,
    @InjectDataSource() private readonly dataSource: DataSource,
    // The rows exported: the replica when one is configured; the export's own record stays on the primary.
    @InjectReportsDataSource() private readonly reading: DataSource,
    @InjectJobQueue(QueueName.Reports) private readonly queue: JobQueue<QueueName.Reports>,
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Writes every row to `out` through a cursor; `progress` hears the running count. */
  async write(report: ReportName, format: ExportFormat, query: ExportQuery, out: Writable, progress?: (rows: number) => Promise<void>): Promise<number> {
    const { sql, params } = await this.reports.sql(report, query.filter, query.options);
    const writer = tableWriter(format, out);
    let written = 0;
    for await (const batch of cursorRows(this.reading, sql, params)) {
      await writer.rows(batch);
      written += batch.length;
      await progress?.(written);
    }
    await writer.end();
    return written;
  }

  async count(report: ReportName, query: ExportQuery): Promise<number> {
    const { sql, params } = await this.reports.sql(report, query.filter, query.options);
    const [{ n }] = await this.reading.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
    return n;
  }

  /** Records the export and enqueues its job; the sweeper re-enqueues it if the job is lost. */
  async start(user: StaffPrincipal, report: ReportName, format: ExportFormat, query: ExportQuery): Promise<ReportExport> {
    // Its age (when the sweeper deletes it) is on the app's clock, like its finish time.
    const row = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ReportExport, { report, format, query: query as never, requestedById: user.id, createdAt: this.clock.now() }),
      );
      await this.audited(user, report, format, query, manager, saved.id);
      return saved;
    });
    await this.enqueue(row.id).catch(() => undefined);
    return row;
  }

  /**
   * The audit entry of an export: who took which report, with which filters, in which format.
   * A streamed export changes nothing, so it has no transaction to share.
   */
  audited(
    user: StaffPrincipal,
    report: ReportName,
    format: ExportFormat,
    query: ExportQuery,
    manager: EntityManager = this.dataSource.manager,
    exportId?: string,
  ) {
    return this.audit.record(manager, user, {
      action: AuditAction.ReportExported,
      entityType: AuditEntity.Report,
      entityId: exportId ?? report,
      after: { report, format, ...query },
    });
  }

  enqueue(id: string) {
    return this.queue.add('export-report', { exportId: id }, { jobId: exportJobId(id), attempts: 3 });
  }

  /** The user's own exports still kept (REPORTS_EXPORT_KEEP_HOURS), newest first: running and finished ones. */
  async recent(user: StaffPrincipal) {
    const since = new Date(this.clock.now().getTime() - this.config.REPORTS_EXPORT_KEEP_HOURS * 3_600_000);
    const rows = await this.exports
      .createQueryBuilder('e')
      .where('e.requested_by_id = :userId AND e.created_at >= :since', { userId: user.id, since })
      .orderBy('e.created_at', 'DESC')
      .take(50)
      .getMany();
    return { items: rows.map((row) => this.view(row)) };
  }

  /** An export as its owner sees it; others' exports do not exist for them (admins see all). */
  async status(user: StaffPrincipal, id: string) {
    const row = await this.exports.findOneBy({ id });
    if (!row || (row.requestedById !== user.id && user.role !== Role.Admin)) throw new ResourceNotFoundException('Dışa aktarım');
    return this.view(row);
  }

  private view(row: ReportExport) {
    const percent = row.state === ExportState.Done ? 100 : row.rowsTotal ? Math.min(99, Math.floor((100 * row.rowsWritten) / row.rowsTotal)) : 0;
    return {
      id: row.id,
      report: row.report,
      format: row.format,
      state: row.state,
      rowsWritten: row.rowsWritten,
      rowsTotal: row.rowsTotal,
      percent,
      error: row.error,
      fileBytes: row.fileBytes === null ? null : Number(row.fileBytes),
      download: row.state === ExportState.Done ? `/api/v1/reports/exports/${row.id}/file` : null,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
    };
  }

  async file(user: StaffPrincipal, id: string) {
    const status = await this.status(user, id);
    if (status.state !== ExportState.Done) throw new DomainException(EXPORT_NOT_READY, ErrorKind.Conflict, 'Dışa aktarım henüz hazır değil');
    const row = await this.exports.findOneByOrFail({ id });
    return {
      stream: createReadStream(resolve(this.config.REPORTS_EXPORT_DIR, row.fileName!)),
      name: `${row.report}-${row.id.slice(0, 8)}.${row.format}`,
      format: row.format as ExportFormat,
    };
  }
}
