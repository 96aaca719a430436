import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { AnswerIncidentDto, CreateIncidentDto, LinkTicketsDto, ListIncidentsDto, UpdateIncidentDto } from './dto/incident.dto';
import { SuggestedTicket } from './incident-matches';
import { IncidentDetail, Incidents, IncidentSummary } from './incidents.service';

/** The roles that work tickets: they open incidents, link reports and answer them. */
const WORKERS = [Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager] as const;

/** Incidents (olaylar): many reports of one thing, answered once. */
@ApiTags('incidents')
@ApiBearerAuth()
@Roles(...WORKERS, Role.Executive)
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: Incidents) {}

  @Get()
  list(@CurrentUser() user: StaffPrincipal, @Query() query: ListIncidentsDto): Promise<IncidentSummary[]> {
    return this.incidents.list(user, query);
  }

  /** The open incidents a ticket looks like part of, for the ticket page to offer. */
  @Get('matching/:ticketId')
  matching(@CurrentUser() user: StaffPrincipal, @IdParam('ticketId') ticketId: string): Promise<{ id: string; title: string }[]> {
    return this.incidents.matching(user, ticketId);
  }

  @Get(':id')
  get(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<IncidentDetail> {
    return this.incidents.get(user, id);
  }

  @Roles(...WORKERS)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateIncidentDto): Promise<IncidentDetail> {
    return this.incidents.create(user, dto);
  }

  @Roles(...WORKERS)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateIncidentDto): Promise<IncidentDetail> {
    return this.incidents.update(user, id, dto);
  }

  /** New reports that match it (category, department, mahalle, time window, similar text), not yet linked. */
  @Get(':id/suggestions')
  suggestions(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<SuggestedTicket[]> {
    return this.incidents.suggestions(user, id);
  }

  @Roles(...WORKERS)
  @Post(':id/tickets')
  @HttpCode(200)
  link(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: LinkTicketsDto): Promise<IncidentDetail> {
    return this.incidents.link(user, id, dto);
  }

  @Roles(...WORKERS)
  @Delete(':id/tickets/:ticketId')
  @HttpCode(204)
  unlink(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @IdParam('ticketId') ticketId: string): Promise<void> {
    return this.incidents.unlink(user, id, ticketId);
  }

  /** The one answer: every linked ticket answered, each citizen told on their own channel, over time. */
  @Roles(Role.Supervisor, Role.DepartmentManager)
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: AnswerIncidentDto): Promise<IncidentDetail> {
    return this.incidents.answer(user, id, dto);
  }
}
