import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Repository } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { ExportJob, JobHandler, QueueName } from '@app/queue';
import { ReportName } from '../report-definitions';
import { ExportState, ReportExport } from './report-export.entity';
import { ExportQuery, ReportExports } from './report-exports.service';
import { ExportFormat } from './table-writer';

// Progress is written every this many rows: often enough to watch, rarely enough not to cost.
const PROGRESS_EVERY = 10_000;

/** Runs one export into REPORTS_EXPORT_DIR; a rerun starts the file over, so a crash mid-way leaves no half file. */
@Injectable()
export class ExportReportProcessor {
  private readonly logger = new Logger(ExportReportProcessor.name);

  constructor(
    @InjectRepository(ReportExport) private readonly exports: Repository<ReportExport>,
    private readonly writer: ReportExports,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(QueueName.Reports, 'export-report')
  async handle({ exportId }: ExportJob): Promise<string> {
    const row = await this.exports.findOneBy({ id: exportId });
    if (!row || row.state === ExportState.Done || row.state === ExportState.Failed) return 'stale';
    const query = row.query as unknown as ExportQuery;
    const report = row.report as ReportName;
    const format = row.format as ExportFormat;
    const rowsTotal = await this.writer.count(report, query);
    await this.exports.update(row.id, { state: ExportState.Running, rowsWritten: 0, rowsTotal });
    const dir = resolve(this.config.REPORTS_EXPORT_DIR);
    await mkdir(dir, { recursive: true });
    const fileName = `${row.id}.${format}`;
    const partial = resolve(dir, `${fileName}.part`);
    try {
      let reported = 0;
      const written = await this.writer.write(report, format, query, createWriteStream(partial), async (rows) => {
        if (rows - reported < PROGRESS_EVERY) return;
        reported = rows;
        await this.exports.update(row.id, { rowsWritten: rows });
      });
      await rename(partial, resolve(dir, fileName));
      const { size } = await stat(resolve(dir, fileName));
      await this.exports.update(row.id, { state: ExportState.Done, rowsWritten: written, fileName, fileBytes: String(size), finishedAt: this.clock.now() });
      return 'done';
    } catch (error) {
      await rm(partial, { force: true });
      this.logger.warn({ msg: 'export failed', exportId, error: (error as Error).message });
      await this.exports.update(row.id, { state: ExportState.Failed, error: 'Dışa aktarım tamamlanamadı', finishedAt: this.clock.now() });
      return 'failed';
    }
  }
}
