import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsEnum, IsOptional } from 'class-validator';
import { Repository } from 'typeorm';
import { IdParam, Page, PageQueryDto, pageOf, ResourceNotFoundException } from '@app/common';
import { whereDefined } from '@app/database';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CitizensService } from '../citizens';
import { InboundEvent, InboundState } from './inbound-event.entity';
import { IntakeService } from './pipeline/intake.service';

export class InboundEventQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(InboundState)
  state?: InboundState;
}

/** An event as lists show it: what happened to it, never what the citizen sent (personal data). */
export type InboundEventView = Omit<InboundEvent, 'payload'>;

const view = ({ payload: _personal, ...event }: InboundEvent): InboundEventView => event;

/**
 * Admins and supervisors see what came in and what could not become a ticket, and send an event
 * through again; the raw payload is for admins only, and each read of it is logged (KVKK).
 */
@ApiTags('intake')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Supervisor)
@Controller('inbound-events')
export class InboundEventsController {
  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly intake: IntakeService,
    private readonly citizens: CitizensService,
  ) {}

  @Get()
  async list(@Query() query: InboundEventQueryDto): Promise<Page<InboundEventView>> {
    const [rows, total] = await this.events.findAndCount({
      where: whereDefined({ state: query.state }),
      order: { receivedAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(view), total, query);
  }

  /** The event with the provider's payload as it arrived. */
  @Roles(Role.Admin)
  @Get(':id')
  async get(@IdParam() id: string, @CurrentUser() user: StaffPrincipal): Promise<InboundEvent> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new ResourceNotFoundException('Gelen mesaj');
    const [ticket] = event.ticketId ? await this.events.query('SELECT citizen_id FROM tickets WHERE id = $1', [event.ticketId]) : [];
    await this.citizens.recordAccess(ticket?.citizen_id ?? null, user.id, `inbound event ${event.id}`);
    return event;
  }

  /** A failed event whose cause was fixed (a category added, a bug mended) is processed again. */
  @Post(':id/retry')
  @HttpCode(202)
  async retry(@IdParam() id: string): Promise<{ eventId: string; state: InboundState }> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new ResourceNotFoundException('Gelen mesaj');
    if (event.state === InboundState.Failed && !('rejected' in event.payload)) {
      await this.events.update({ id }, { state: InboundState.Received, lastError: null });
      await this.intake.enqueue([id], `retry-${Date.now()}`);
    }
    return { eventId: id, state: (await this.events.findOneByOrFail({ id })).state };
  }
}
