import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { ProcessTemplateDto } from './dto/process-template.dto';
import { ProcessReports } from './process-reports.service';
import { ProcessTemplate } from './process-template.entity';
import { ProcessTemplates } from './process-templates.service';

const READERS = [Role.Supervisor, Role.Executive, Role.DepartmentManager, Role.DepartmentStaff];

@ApiTags('process-templates')
@ApiBearerAuth()
@Controller('process-templates')
export class ProcessTemplatesController {
  constructor(
    private readonly templates: ProcessTemplates,
    private readonly reports: ProcessReports,
  ) {}

  @Roles(...READERS)
  @Get()
  list(): Promise<ProcessTemplate[]> {
    return this.templates.list();
  }

  @Roles(...READERS)
  @Get(':id')
  get(@IdParam() id: string): Promise<ProcessTemplate> {
    return this.templates.get(id);
  }

  @Roles(Role.Admin)
  @Post()
  create(@Body() dto: ProcessTemplateDto): Promise<ProcessTemplate> {
    return this.templates.create(dto);
  }

  /** Replaces the steps; running instances keep the version they started with. */
  @Roles(Role.Admin)
  @Put(':id')
  update(@IdParam() id: string, @Body() dto: ProcessTemplateDto): Promise<ProcessTemplate> {
    return this.templates.update(id, dto);
  }

  @Roles(Role.Supervisor, Role.Executive, Role.DepartmentManager)
  @Get(':id/report')
  report(@IdParam() id: string, @CurrentUser() user: StaffPrincipal) {
    return this.reports.report(id, user);
  }
}
