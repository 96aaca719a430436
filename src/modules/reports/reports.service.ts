import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { InjectReportsDataSource } from '@app/database';
import { StaffPrincipal } from '@app/domain';
import { BusinessCalendarService } from '../sla';
import { ReportQueryDto } from './dto/report-query.dto';
import { REPORTS, ReportName, ReportOptions, ReportSql, ticketRows } from './report-definitions';
import { BuiltHistogram } from './report-sql';
import { dailyWhereClause, ReportFilter, reportFilter, whereClause } from './report-filter';
import { servedByHistograms } from './resolution-times';
import { DAILY_MAHALLELER } from './read-model/daily-counts.sql';
import { builtSpans } from './read-model/duration-histograms.sql';
import { monthOf } from './read-model/duration-histograms.service';
import { checkPeriod } from './report-period';
import { ReportFacts } from './read-model/report-facts.service';
import { workingDayMinutes } from './read-model/work-periods';

export interface ReportResult {
  report: string;
  period: { from: string; to: string; days: number };
  filters: Omit<ReportFilter, 'from' | 'to' | 'scopeDepartmentId'>;
  /** The facts are as fresh as this (the refresh job runs every REPORTS_REFRESH_INTERVAL_MS). */
  asOf: Date | null;
  rows: Record<string, unknown>[];
}

/** Runs the reports of report-definitions.ts over the read model, scoped to the asker. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // The figures themselves: the replica when one is configured (REPORTS_DATABASE_URL).
    @InjectReportsDataSource() private readonly reading: DataSource,
    private readonly facts: ReportFacts,
    private readonly calendars: BusinessCalendarService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Checks the period and turns the request into the filter a report (or an export job) runs with. */
  filter(user: StaffPrincipal, dto: ReportQueryDto): ReportFilter {
    checkPeriod(dto.from, dto.to, this.config.REPORTS_MAX_PERIOD_DAYS);
    return reportFilter(user, dto);
  }

  async options(extra: Partial<ReportOptions> = {}): Promise<ReportOptions> {
    const calendar = await this.calendars.cached(this.dataSource.manager);
    return { now: this.clock.now(), workingDayMinutes: workingDayMinutes(calendar), ...extra };
  }

  async sql(name: ReportName, filter: ReportFilter, extra: Partial<ReportOptions> = {}): Promise<ReportSql> {
    const options = await this.options(extra);
    if (name === 'resolution-times') options.histograms = await this.histograms(filter, options);
    return REPORTS[name](filter, options);
  }

  /**
   * The histograms resolution times may read: none while the period's resolved tickets (counted
   * per day by department, so an upper bound under other filters) are few enough to sort.
   */
  private async histograms(filter: ReportFilter, options: ReportOptions): Promise<BuiltHistogram[]> {
    if (!servedByHistograms(filter, options.groupBy ?? 'kind')) return [];
    const { from, to, scopeDepartmentId, departmentId } = filter;
    const where = dailyWhereClause({ from, to, scopeDepartmentId, departmentId }, DAILY_MAHALLELER.groups)!;
    const n = where.params.length;
    const [{ resolved, built }] = await this.read<{ resolved: string; built: BuiltHistogram[] }>(
      `SELECT (SELECT coalesce(sum(a.resolved), 0) FROM ${DAILY_MAHALLELER.table} a WHERE ${where.sql}) AS resolved,
              (SELECT coalesce(json_agg(b), '[]') FROM (${builtSpans(`$${n + 1}`, `$${n + 2}`, `$${n + 3}`)}) b) AS built`,
      [...where.params, from, to, monthOf(options.now)],
    );
    return Number(resolved) > this.config.REPORTS_EXACT_PERCENTILES_MAX ? built : [];
  }

  async run(name: ReportName, user: StaffPrincipal, dto: ReportQueryDto, extra: Partial<ReportOptions> = {}): Promise<ReportResult> {
    const filter = this.filter(user, dto);
    const { sql, params } = await this.sql(name, filter, extra);
    const [rows, asOf] = await Promise.all([this.read(sql, params), this.facts.asOf(this.reading)]);
    return { report: name, ...this.describe(filter), asOf, rows };
  }

  /**
   * A page of the tickets behind a figure; `extra` narrows the rows with conditions on `f` and `t`,
   * `facts` gives a narrower source of the facts (alias `f`, with the filter's parameters).
   */
  async ticketPage(filter: ReportFilter, extra: string, page: number, pageSize: number, facts?: (where: string) => string) {
    const where = whereClause(filter);
    const source = facts?.(where.sql);
    const { sql, params } = ticketRows(filter, await this.options(), extra, source);
    // Counted on the facts alone: the joins that name things are only needed for the page shown.
    const [rows, [{ total }]] = await Promise.all([
      this.read(`${sql} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.read(`SELECT count(*)::int AS total FROM ${source ?? 'report_ticket_facts f'} WHERE ${where.sql} ${extra}`, where.params),
    ]);
    return { items: rows, total, page, pageSize };
  }

  /**
   * Runs a report's statement where the figures are read (the replica when configured). Without JIT:
   * compiling a year's aggregate cost more than it saved (100–300 ms a report at two million facts);
   * with room to sort a year's durations in memory.
   */
  read<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return this.reading.transaction(async (manager) => {
      await manager.query(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
      return manager.query(sql, params);
    });
  }

  describe(filter: ReportFilter) {
    const { from, to, scopeDepartmentId, ...filters } = filter;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    const shown = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
    return { period: { from, to, days }, filters: scopeDepartmentId ? { ...shown, departmentId: scopeDepartmentId } : shown };
  }
}
