import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CreateMuhtarActivityDto, HoldMuhtarActivityDto, LinkTicketDto, ListMuhtarActivitiesDto, UpdateMuhtarActivityDto } from './muhtar-activity.dto';
import { MuhtarActivities } from './muhtar-activities.service';

/** The muhtar calendar (PG7.4.1–2): managers plan, announce and record meetings and visits. */
@ApiTags('muhtar')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
@Controller('muhtar-activities')
export class MuhtarActivitiesController {
  constructor(private readonly activities: MuhtarActivities) {}

  @Get()
  list(@Query() q: ListMuhtarActivitiesDto) {
    return this.activities.list(q);
  }

  @Get(':id')
  detail(@IdParam() id: string, @CurrentUser() user: StaffPrincipal) {
    return this.activities.detail(id, user);
  }

  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateMuhtarActivityDto) {
    return this.activities.create(user, dto);
  }

  @Patch(':id')
  update(@IdParam() id: string, @Body() dto: UpdateMuhtarActivityDto) {
    return this.activities.update(id, dto);
  }

  /** The muhtar(s) were told of the meeting or visit. */
  @Post(':id/informed')
  @HttpCode(200)
  informed(@IdParam() id: string) {
    return this.activities.informed(id);
  }

  @Post(':id/held')
  @HttpCode(200)
  held(@IdParam() id: string, @Body() dto: HoldMuhtarActivityDto) {
    return this.activities.held(id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@IdParam() id: string) {
    return this.activities.cancel(id);
  }

  /** Links a request collected there, filed as a field-team or muhtar ticket. */
  @Post(':id/tickets')
  @HttpCode(204)
  link(@IdParam() id: string, @Body() dto: LinkTicketDto, @CurrentUser() user: StaffPrincipal) {
    return this.activities.link(id, dto.ticketId, user);
  }
}
