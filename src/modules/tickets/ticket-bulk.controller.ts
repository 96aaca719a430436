import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, StaffPrincipal } from '@app/domain';
import { BulkActionDto } from './dto/bulk-action.dto';
import { BulkResult, TicketBulk } from './ticket-bulk.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketBulkController {
  constructor(private readonly bulk: TicketBulk) {}

  /** Assign, transfer or close a selection (1–100): a result per ticket, each as its own action would answer. */
  @Post('bulk')
  @HttpCode(200)
  apply(@CurrentUser() user: StaffPrincipal, @Body() dto: BulkActionDto): Promise<{ results: BulkResult[] }> {
    return this.bulk.apply(user, dto);
  }
}
