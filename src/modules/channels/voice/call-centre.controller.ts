import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CallCentreReport, CallFiguresService } from './call-figures.service';
import { CallFiguresQueryDto } from './dto/call-centre.dto';
import { Wallboard, WallboardService } from './wallboard.service';

/** The call centre's figures and its wall screen: supervisors, managers and executives; an agent sees their own figures. */
@ApiTags('call-centre')
@ApiBearerAuth()
@Controller('call-centre')
export class CallCentreController {
  constructor(
    private readonly figures: CallFiguresService,
    private readonly wallboard: WallboardService,
  ) {}

  /** Offered, answered, abandoned, speed of answer, handling, service level, solved during the call: in total, per hour, day and agent. */
  @Roles(Role.Agent, Role.Supervisor, Role.DepartmentManager, Role.Executive)
  @Get('figures')
  report(@CurrentUser() user: StaffPrincipal, @Query() q: CallFiguresQueryDto): Promise<CallCentreReport> {
    return this.figures.report(user, q.from, q.to);
  }

  /** Waiting calls, the longest wait, the agents by state and today's service level; `/live/wallboard` says when to re-read. */
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
  @Get('wallboard')
  now(): Promise<Wallboard> {
    return this.wallboard.now();
  }
}
