import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { BusinessCalendarService } from './business-calendar.service';
import { CalendarOverride } from './calendar-override.entity';
import { CalendarYearQueryDto, CreateCalendarOverrideDto } from './dto/calendar-override.dto';

/** Deadlines computed from the next ticket on follow an edit (other processes within 30 s). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: BusinessCalendarService) {}

  @Roles(Role.Admin, Role.Supervisor, Role.Executive)
  @Get()
  year(@Query() query: CalendarYearQueryDto) {
    return this.calendar.year(query.year);
  }

  @Roles(Role.Admin)
  @Post('overrides')
  add(@Body() dto: CreateCalendarOverrideDto, @CurrentUser() actor: StaffPrincipal): Promise<CalendarOverride> {
    return this.calendar.add(dto, actor);
  }

  @Roles(Role.Admin)
  @Delete('overrides/:id')
  @HttpCode(204)
  remove(@IdParam() id: string, @CurrentUser() actor: StaffPrincipal): Promise<void> {
    return this.calendar.remove(id, actor);
  }
}
