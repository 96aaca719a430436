import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam, Page } from '@app/common';
import { Role, Roles } from '@app/domain';
import { ListOutboundDto } from './dto/list-outbound.dto';
import { OutboundView, OutboxService } from './outbox.service';

/** Every message the municipality sent or tried to send, with its delivery state. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('outbound-messages')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Roles(Role.Admin, Role.Supervisor)
  @Get()
  list(@Query() query: ListOutboundDto): Promise<Page<OutboundView>> {
    return this.outbox.list(query);
  }

  @Roles(Role.Admin)
  @Post(':id/retry')
  @HttpCode(200)
  retry(@IdParam() id: string): Promise<OutboundView> {
    return this.outbox.retry(id);
  }
}
