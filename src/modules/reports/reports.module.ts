import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { SlaModule } from '../sla';
import { ExportReportProcessor } from './exports/export-report.processor';
import { ReportExport } from './exports/report-export.entity';
import { ReportExports } from './exports/report-exports.service';
import { MuhtarActivitiesController } from './muhtar/muhtar-activities.controller';
import { MuhtarActivities } from './muhtar/muhtar-activities.service';
import { MuhtarActivity } from './muhtar/muhtar-activity.entity';
import { MuhtarActivityTicket } from './muhtar/muhtar-activity-ticket.entity';
import { MuhtarIndicators } from './muhtar/muhtar-indicators.service';
import { MuhtarPlan } from './muhtar/muhtar-plan';
import { ReportFacts } from './read-model/report-facts.service';
import { DurationHistograms } from './read-model/duration-histograms.service';
import { PublicStatsController } from './public/public-stats.controller';
import { PublicStats } from './public/public-stats.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportsSweeper } from './reports.sweeper';
import { TicketsModule } from '../tickets';
import { NotificationsModule } from '../notifications';

@Module({
  imports: [TypeOrmModule.forFeature([MuhtarActivity, MuhtarActivityTicket, ReportExport]), AuditModule, SlaModule, TicketsModule, NotificationsModule],
  controllers: [ReportsController, MuhtarActivitiesController, PublicStatsController],
  providers: [
    PublicStats,
    ReportFacts,
    DurationHistograms,
    ReportsService,
    MuhtarIndicators,
    MuhtarPlan,
    MuhtarActivities,
    ReportExports,
    ExportReportProcessor,
    ReportsSweeper,
  ],
  exports: [ReportFacts],
})
export class ReportsModule {}
