import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, StaffPrincipal } from '@app/domain';
import { VersionedDto } from '../dto/ticket-actions.dto';
import { TicketQueries } from '../ticket-queries.service';
import { FeeNoticeDto, InformationDecisionDto, ObjectionDto, ObjectionOutcomeDto } from './information.dto';
import { InformationObjections } from './information-objections.service';
import { InformationRequests } from './information-requests.service';

/** Law 4982 on a bilgi edinme ticket: the fee, the decision, the objection; whoever may act on the ticket. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets/:id/information')
export class InformationController {
  constructor(
    private readonly requests: InformationRequests,
    private readonly objections: InformationObjections,
    private readonly queries: TicketQueries,
  ) {}

  /** The decision, the fee and the objections. */
  @Get()
  view(@CurrentUser() user: StaffPrincipal, @IdParam() id: string) {
    return this.objections.view(user, id);
  }

  /** Asks the access fee: the period is interrupted; unpaid within 15 working days, the application is withdrawn. */
  @Post('fee')
  @HttpCode(200)
  async fee(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: FeeNoticeDto) {
    await this.requests.notifyFee(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** The fee was paid: the period starts again in full. */
  @Post('fee-paid')
  @HttpCode(200)
  async feePaid(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: VersionedDto) {
    await this.requests.feePaid(user, id, dto.version);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** Granted, partly granted or refused; the last two with their exemption articles, and the applicant told the remedies. */
  @Post('decision')
  @HttpCode(200)
  async decide(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: InformationDecisionDto) {
    await this.requests.decide(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** Records the applicant's objection to the Bilgi Edinme Değerlendirme Kurulu. */
  @Post('objections')
  add(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: ObjectionDto) {
    return this.objections.add(user, id, dto);
  }

  /** Records the Kurul's decision; a decision to give the information reopens the application. */
  @Post('objections/:objectionId/outcome')
  @HttpCode(200)
  outcome(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @IdParam('objectionId') objectionId: string, @Body() dto: ObjectionOutcomeDto) {
    return this.objections.decide(user, id, objectionId, dto);
  }
}
