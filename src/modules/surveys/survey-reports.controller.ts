import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { SurveySummaryQueryDto } from './dto/survey-summary.dto';
import { SurveyReports } from './survey-reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/satisfaction')
export class SurveyReportsController {
  constructor(private readonly reports: SurveyReports) {}

  /** Satisfaction scores of the surveys asked in a period, per department, category or month. */
  @Get()
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.Admin)
  summary(@CurrentUser() user: StaffPrincipal, @Query() query: SurveySummaryQueryDto) {
    return this.reports.summary(user, query);
  }
}
