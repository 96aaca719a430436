import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { AssignStepDto, CompleteStepDto, ListProcessesDto, StartProcessDto } from './dto/process.dto';
import { ProcessQueries } from './process-queries.service';
import { ProcessRunner } from './process-runner.service';

const PROCESS_ROLES = [Role.Supervisor, Role.Executive, Role.DepartmentManager, Role.DepartmentStaff];

@ApiTags('processes')
@ApiBearerAuth()
@Roles(...PROCESS_ROLES)
@Controller('processes')
export class ProcessesController {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly queries: ProcessQueries,
  ) {}

  @Get()
  list(@Query() filter: ListProcessesDto, @CurrentUser() user: StaffPrincipal) {
    return this.queries.list(filter, user);
  }

  @Get(':id')
  get(@IdParam() id: string, @CurrentUser() user: StaffPrincipal) {
    return this.queries.get(id, user);
  }

  @Post()
  async start(@Body() dto: StartProcessDto, @CurrentUser() user: StaffPrincipal) {
    return this.queries.get(await this.runner.start(dto, user), user);
  }

  /** Records who completed the open step, when and with which document; opens the next or ends the process. */
  @Post(':id/steps/:stepId/complete')
  @HttpCode(200)
  async complete(@IdParam() id: string, @IdParam('stepId') stepId: string, @Body() dto: CompleteStepDto, @CurrentUser() user: StaffPrincipal) {
    await this.runner.complete(id, stepId, dto, user);
    return this.queries.get(id, user);
  }

  @Post(':id/steps/:stepId/assign')
  @HttpCode(200)
  async assign(@IdParam() id: string, @IdParam('stepId') stepId: string, @Body() dto: AssignStepDto, @CurrentUser() user: StaffPrincipal) {
    await this.runner.assign(id, stepId, dto.assigneeId ?? null, user);
    return this.queries.get(id, user);
  }
}
