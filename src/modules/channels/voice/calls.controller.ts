import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Page } from '@app/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { TicketQueries, TicketView } from '../../tickets';
import { CallLogService, CallView } from './call-log.service';
import { CallTicketsService } from './call-tickets.service';
import { ListCallsDto } from './dto/list-calls.dto';
import { CallTicketDto } from './dto/call-ticket.dto';
import { TransferCallDto } from './dto/voice.dto';
import { CallTransfers, TransferResult } from './call-transfer.service';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(
    private readonly callTickets: CallTicketsService,
    private readonly calls: CallLogService,
    private readonly queries: TicketQueries,
    private readonly transfers: CallTransfers,
  ) {}

  /** The 444 line's call log: who called, the menu choice, how it ended, the recording, the agent and ticket. */
  @Roles(Role.Agent, Role.Supervisor, Role.Executive, Role.Admin)
  @Get()
  list(@CurrentUser() user: StaffPrincipal, @Query() query: ListCallsDto): Promise<Page<CallView>> {
    return this.calls.list(user, query);
  }

  /** Opens a ticket for the caller of a 444 call, linked to it; `solvedDuringCall` closes it at once. */
  @Roles(Role.Agent, Role.Supervisor)
  @Post(':callSid/ticket')
  async open(@CurrentUser() user: StaffPrincipal, @Param('callSid') callSid: string, @Body() dto: CallTicketDto): Promise<TicketView> {
    const id = await this.callTickets.open(user, callSid, dto);
    return this.queries.view(await this.queries.load(id), user);
  }

  /** Hands a call to a colleague's softphone (`toUserId`) or a department's switchboard (`departmentId`). */
  @Roles(Role.Agent, Role.Supervisor)
  @Post(':callSid/transfer')
  @HttpCode(200)
  transfer(@CurrentUser() user: StaffPrincipal, @Param('callSid') callSid: string, @Body() dto: TransferCallDto): Promise<TransferResult> {
    return this.transfers.transfer(user, callSid, dto);
  }
}
