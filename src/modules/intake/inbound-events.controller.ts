import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsEnum, IsOptional } from 'class-validator';
import { Repository } from 'typeorm';
import { IdParam, Page, PageQueryDto, pageOf, ResourceNotFoundException } from '@app/common';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { InboundEvent, InboundState } from './inbound-event.entity';
import { IntakeService } from './intake.service';

export class InboundEventQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(InboundState)
  state?: InboundState;
}

/** Admins see what came in and what could not become a ticket, and send an event through again. */
@ApiTags('intake')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Supervisor)
@Controller('inbound-events')
export class InboundEventsController {
  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly intake: IntakeService,
  ) {}

  @Get()
  async list(@Query() query: InboundEventQueryDto): Promise<Page<InboundEvent>> {
    const [rows, total] = await this.events.findAndCount({
      where: { state: query.state },
      order: { receivedAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows, total, query);
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
