import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam, InvalidFieldException, replyStream } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { ExportQueryDto, StartExportDto } from './dto/export.dto';
import { DrillDownQueryDto, ReportQueryDto, ResolutionQueryDto, TopSubjectsQueryDto, VolumeQueryDto, YearReportQueryDto } from './dto/report-query.dto';
import { ExportQuery, ReportExports } from './exports/report-exports.service';
import { CONTENT_TYPES } from './exports/table-writer';
import { MuhtarIndicators } from './muhtar/muhtar-indicators.service';
import { ReportFacts } from './read-model/report-facts.service';
import { REPORT_NAMES, ReportName } from './report-definitions';
import { ReportsService } from './reports.service';

/** KPIs for managers, the mayor's office and the strategy unit; a department manager sees their department only. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly muhtar: MuhtarIndicators,
    private readonly exports: ReportExports,
    private readonly facts: ReportFacts,
  ) {}

  /** Tickets per day/week/month and channel: the volume chart. */
  @Get('volume')
  volume(@CurrentUser() user: StaffPrincipal, @Query() q: VolumeQueryDto) {
    return this.reports.run('volume', user, q, { interval: q.interval });
  }

  /** Mean, median and p90 resolution time in calendar and working days, per kind (or department, category, channel, mahalle). */
  @Get('resolution-times')
  resolutionTimes(@CurrentUser() user: StaffPrincipal, @Query() q: ResolutionQueryDto) {
    return this.reports.run('resolution-times', user, q, { groupBy: q.groupBy });
  }

  /** Totals, share answered the same day, share solved during the call. */
  @Get('summary')
  summary(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('summary', user, q);
  }

  /** Answered within the resolution and first-response deadlines, per legal basis and policy. */
  @Get('deadline-compliance')
  deadlineCompliance(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('deadline-compliance', user, q);
  }

  /** The period's tickets still open, per department, with their age. */
  @Get('backlog')
  backlog(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('backlog', user, q);
  }

  /** Warnings, breaches and steps to the level above, per department. */
  @Get('escalations')
  escalations(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('escalations', user, q);
  }

  @Get('top-subjects')
  topSubjects(@CurrentUser() user: StaffPrincipal, @Query() q: TopSubjectsQueryDto) {
    return this.reports.run('top-subjects', user, q, { top: q.top });
  }

  /** The mahalle table: tickets, open, resolution time and deadline compliance per mahalle. */
  @Get('mahalleler')
  mahalleler(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('mahalleler', user, q);
  }

  /** The tickets behind any figure, a page at a time. */
  @Get('tickets')
  tickets(@CurrentUser() user: StaffPrincipal, @Query() q: DrillDownQueryDto) {
    return this.reports.ticketPage(this.reports.filter(user, q), '', q.page ?? 1, q.pageSize ?? 50);
  }

  /**
   * Law 4982 art. 30's annual report of a year's applications, due to the Kurul by the end of the
   * next February; export it with `bilgi-edinme/export?from=YYYY-01-01&to=YYYY-12-31`.
   */
  @Get('bilgi-edinme')
  async law4982(@CurrentUser() user: StaffPrincipal, @Query() q: YearReportQueryDto) {
    const result = await this.reports.run('bilgi-edinme', user, { from: `${q.year}-01-01`, to: `${q.year}-12-31`, departmentId: q.departmentId });
    const dueBy = new Date(Date.UTC(q.year + 1, 2, 0)).toISOString().slice(0, 10);
    return { ...result, year: q.year, dueBy };
  }

  /** CİMER's applications per department: answered to CİMER in time or late, open, overdue. */
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.CimerOfficer)
  @Get('cimer')
  cimer(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.reports.run('cimer', user, q);
  }

  @Get('muhtar-indicators')
  muhtarIndicators(@CurrentUser() user: StaffPrincipal, @Query() q: ReportQueryDto) {
    return this.muhtar.compute(this.reports.filter(user, q));
  }

  @Get('muhtar-indicators/:code/tickets')
  muhtarTickets(@CurrentUser() user: StaffPrincipal, @Param('code') code: string, @Query() q: DrillDownQueryDto) {
    return this.muhtar.tickets(code, this.reports.filter(user, q), q.page ?? 1, q.pageSize ?? 50);
  }

  /** Starts an export job; watch it at GET exports/:id and download exports/:id/file. */
  @Post('exports')
  @HttpCode(202)
  async startExport(@CurrentUser() user: StaffPrincipal, @Body() dto: StartExportDto) {
    const row = await this.exports.start(user, dto.report, dto.format ?? 'csv', this.exportQuery(user, dto));
    return this.exports.status(user, row.id);
  }

  /** The caller's exports of the last days (running, done, failed), newest first. */
  @Get('exports')
  recentExports(@CurrentUser() user: StaffPrincipal) {
    return this.exports.recent(user);
  }

  @Get('exports/:id')
  exportStatus(@CurrentUser() user: StaffPrincipal, @IdParam() id: string) {
    return this.exports.status(user, id);
  }

  @Get('exports/:id/file')
  async exportFile(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Res() res: FastifyReply) {
    const file = await this.exports.file(user, id);
    await res.headers({ 'Content-Type': CONTENT_TYPES[file.format], 'Content-Disposition': `attachment; filename="${file.name}"` }).send(file.stream);
  }

  /** Streams a report (or every ticket) as CSV/XLSX straight to the response, rows read through a cursor. */
  @Get(':report/export')
  async export(@CurrentUser() user: StaffPrincipal, @Param('report') report: string, @Query() q: ExportQueryDto, @Res() res: FastifyReply) {
    if (!REPORT_NAMES.includes(report as ReportName))
      throw new InvalidFieldException('report', `report: bilinmeyen rapor; şunlardan biri olmalı: ${REPORT_NAMES.join(', ')}`);
    const query = this.exportQuery(user, q);
    const format = q.format ?? 'csv';
    res.headers({ 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="${report}-${q.from}-${q.to}.${format}"` });
    await this.exports.audited(user, report as ReportName, format, query);
    await this.exports.write(report as ReportName, format, query, replyStream(res));
  }

  /** Brings the read model up to date now instead of at the next scheduled refresh. */
  @Roles(Role.Admin)
  @Post('refresh')
  @HttpCode(200)
  async refresh() {
    return { tickets: await this.facts.refresh(true), asOf: await this.facts.asOf() };
  }

  private exportQuery(user: StaffPrincipal, q: ExportQueryDto): ExportQuery {
    return { filter: this.reports.filter(user, q), options: { interval: q.interval, groupBy: q.groupBy, top: q.top } };
  }
}
