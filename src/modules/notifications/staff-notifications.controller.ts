import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam, Page } from '@app/common';
import { AnyRole, CurrentUser, StaffPrincipal } from '@app/domain';
import { ListStaffNotificationsDto } from './dto/list-staff-notifications.dto';
import { StaffNotification } from './staff-notification.entity';
import { StaffNotifications } from './staff-notifications.service';

/** Each staff member's own notification list. */
@ApiTags('notifications')
@ApiBearerAuth()
@AnyRole()
@Controller('notifications')
export class StaffNotificationsController {
  constructor(private readonly notifications: StaffNotifications) {}

  @Get()
  mine(@CurrentUser() user: StaffPrincipal, @Query() query: ListStaffNotificationsDto): Promise<Page<StaffNotification> & { unread: number }> {
    return this.notifications.mine(user.id, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<StaffNotification> {
    return this.notifications.markRead(user.id, id);
  }
}
