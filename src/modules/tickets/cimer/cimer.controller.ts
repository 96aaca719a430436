import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CimerApplications } from './cimer-applications.service';
import { CimerAnswerDto, ListCimerDto, RegisterCimerDto } from './cimer.dto';

/**
 * CİMER's applications, for the CİMER officer and the call centre's supervisors (executives
 * read them): every department's, without the applicant's personal data, which CİMER holds.
 */
@ApiTags('cimer')
@ApiBearerAuth()
@Controller('cimer/applications')
export class CimerController {
  constructor(private readonly cimer: CimerApplications) {}

  /** Registers an application CİMER forwarded, with its number and deadline, and sends it to its unit. */
  @Roles(Role.CimerOfficer, Role.Supervisor)
  @Post()
  register(@CurrentUser() user: StaffPrincipal, @Body() dto: RegisterCimerDto) {
    return this.cimer.register(user, dto);
  }

  /** Open, overdue (past CİMER's deadline) or answered ones, nearest deadline first. */
  @Roles(Role.CimerOfficer, Role.Supervisor, Role.Executive)
  @Get()
  list(@Query() query: ListCimerDto) {
    return this.cimer.list(query);
  }

  @Roles(Role.CimerOfficer, Role.Supervisor, Role.Executive)
  @Get(':id')
  detail(@IdParam() id: string) {
    return this.cimer.detail(id);
  }

  /** Records the answer sent back to CİMER: the officer, the time, the text and its CİMER status. */
  @Roles(Role.CimerOfficer, Role.Supervisor)
  @Post(':id/answers')
  answer(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: CimerAnswerDto) {
    return this.cimer.answer(user, id, dto);
  }
}
