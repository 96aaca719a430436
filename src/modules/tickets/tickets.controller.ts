import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, departmentScope, hidesApplicant, Role, Roles, StaffPrincipal, TicketStatus } from '@app/domain';
import { OutboundChannel, OutboxService } from '../notifications';
import { CONTACT_SHOWN_SECONDS, TicketContacts } from './contact/ticket-contacts.service';
import { ContactPurposeDto } from './dto/contact-purpose.dto';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ListTicketsDto } from './dto/list-tickets.dto';
import { CategoriseTicketDto, MergeTicketDto, ReturnTicketDto } from './dto/inbox-actions.dto';
import { AddEntryDto, AssignTicketDto, ChangeStatusDto, ExtendDeadlineDto, TransferTicketDto, VersionedDto } from './dto/ticket-actions.dto';
import { TicketActions } from './ticket-actions.service';
import { TicketCreation } from './ticket-creation.service';
import { TicketInbox } from './ticket-inbox.service';
import { TicketPage, TicketQueries, TicketSummaryRow } from './ticket-queries.service';
import { TicketView } from './ticket-view';

const digitsOf = (phone: string | null) => phone?.replace(/\D/g, '') || null;

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly creation: TicketCreation,
    private readonly queries: TicketQueries,
    private readonly actions: TicketActions,
    private readonly inbox: TicketInbox,
    private readonly contacts: TicketContacts,
    private readonly outbox: OutboxService,
  ) {}

  @Roles(Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager)
  @Post()
  async create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateTicketDto): Promise<TicketView> {
    const ticket = await this.creation.create(user, dto);
    // The creator always sees what they filed, even when it went to another department.
    return this.queries.view(await this.queries.load(ticket.id), user);
  }

  @Get()
  list(@CurrentUser() user: StaffPrincipal, @Query() query: ListTicketsDto): Promise<TicketPage> {
    return this.queries.list(user, query);
  }

  /** Open, overdue and answered counts per department and subject, within the caller's reach (manager view). */
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
  @Get('summary')
  summary(@CurrentUser() user: StaffPrincipal): Promise<TicketSummaryRow[]> {
    return this.queries.summary(user);
  }

  @Get(':id')
  detail(@CurrentUser() user: StaffPrincipal, @IdParam() id: string) {
    return this.queries.detail(user, id);
  }

  /** The notices sent to the citizen about this ticket, with their delivery state (recipient masked). */
  @Get(':id/notifications')
  async notifications(@CurrentUser() user: StaffPrincipal, @IdParam() id: string) {
    const ticket = await this.queries.getVisible(user, id);
    // A department sees, masked, only the addresses its application gave; the others are the citizen's record.
    const department = departmentScope(user) !== undefined;
    const page = await this.outbox.list(
      { ticketId: id, page: 1, pageSize: 100 },
      ({ channel, recipient }) =>
        !department || (channel === OutboundChannel.Email ? recipient === ticket.contactEmail : digitsOf(recipient) === digitsOf(ticket.contactPhone)),
    );
    // An informant's addresses, even masked, are no one's business but the contact action's.
    return hidesApplicant(ticket.kind) ? { ...page, items: page.items.map((m) => ({ ...m, recipient: null })) } : page;
  }

  /**
   * The applicant's name, phone and e-mail in clear, for calling back: the caller says why
   * (`purpose`), and the read is logged with it (KVKK). The screens hide it again after
   * `shownForSeconds`.
   */
  @Roles(Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager)
  @Get(':id/contact')
  async contact(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Query() query: ContactPurposeDto) {
    return { ...(await this.contacts.reveal(user, id, query.purpose)), shownForSeconds: CONTACT_SHOWN_SECONDS };
  }

  @Post(':id/status')
  @HttpCode(200)
  async changeStatus(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: ChangeStatusDto) {
    await this.actions.changeStatus(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  @Post(':id/assign')
  @HttpCode(200)
  async assign(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: AssignTicketDto) {
    await this.actions.assign(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** Law 4982: once, within the first 15 working days, to 30 working days; the applicant is told why. */
  @Post(':id/extend')
  @HttpCode(200)
  async extend(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: ExtendDeadlineDto) {
    await this.actions.extendDeadline(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** Moves the ticket to another department's inbox; the reason lands in the timeline. */
  @Post(':id/transfer')
  @HttpCode(200)
  async transfer(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: TransferTicketDto) {
    const ticket = await this.actions.transfer(user, id, dto);
    return { id: ticket.id, trackingNo: ticket.trackingNo, version: ticket.version, departmentId: ticket.departmentId };
  }

  @Roles(Role.DepartmentStaff, Role.DepartmentManager, Role.Supervisor)
  @Post(':id/claim')
  @HttpCode(200)
  async claim(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: VersionedDto) {
    await this.inbox.claim(user, id, dto);
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  /** Misrouted: back to the call centre's triage queue. */
  @Post(':id/return')
  @HttpCode(200)
  async returnToCallCentre(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: ReturnTicketDto) {
    const ticket = await this.inbox.returnToCallCentre(user, id, dto);
    return { id: ticket.id, trackingNo: ticket.trackingNo, version: ticket.version, triage: ticket.triage };
  }

  @Roles(Role.Agent, Role.Supervisor)
  @Post(':id/categorise')
  @HttpCode(200)
  async categorise(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: CategoriseTicketDto) {
    await this.inbox.categorise(user, id, dto);
    return this.queries.view(await this.queries.load(id), user);
  }

  /** Folds this ticket (a duplicate) into `intoId`. */
  @Post(':id/merge')
  @HttpCode(200)
  async merge(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: MergeTicketDto) {
    await this.actions.changeStatus(user, id, { version: dto.version, status: TicketStatus.Merged, mergedIntoId: dto.intoId });
    return this.queries.view(await this.queries.getVisible(user, id), user);
  }

  @Post(':id/duplicates/:otherId/dismiss')
  @HttpCode(204)
  dismissDuplicate(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @IdParam('otherId') otherId: string): Promise<void> {
    return this.inbox.dismissDuplicate(user, id, otherId);
  }

  @Post(':id/entries')
  async addEntry(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: AddEntryDto) {
    await this.actions.addEntry(user, id, dto);
    return this.queries.detail(user, id);
  }
}
