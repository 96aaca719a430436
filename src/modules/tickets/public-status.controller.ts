import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { InvalidFieldException, TooManyRequestsException } from '@app/common';
import { RedisClient } from '@app/queue';
import { Public } from '../auth/auth.decorators';
import { Category } from '../categories/category.entity';
import { Citizen } from '../citizens/citizen.entity';
import { Department } from '../departments/department.entity';
import { PublicStatusQueryDto } from './dto/public-status.dto';
import { KIND_LABELS } from './ticket-enums';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { STATUS_LABELS } from './ticket-status';
import { Ticket } from './ticket.entity';

const TRACKING_NO = /^\d{4}-\d{6}$/;

/**
 * A citizen looks an application up by tracking number and the last four digits of their
 * phone. The answer carries no personal data; wrong guesses are counted and capped.
 */
@ApiTags('public')
@Public()
@Controller('public/tickets')
export class PublicStatusController {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  @Get(':trackingNo')
  async status(@Param('trackingNo') trackingNo: string, @Query() query: PublicStatusQueryDto) {
    if (!TRACKING_NO.test(trackingNo)) {
      throw new InvalidFieldException('trackingNo', 'trackingNo: başvuru numarası 2026-000123 biçiminde olmalı');
    }
    const failuresKey = this.redis.key('public-lookup-failures', trackingNo);
    if (Number(await this.redis.get(failuresKey)) >= this.config.PUBLIC_LOOKUP_MAX_FAILURES) {
      throw new TooManyRequestsException();
    }
    const row = await this.tickets
      .createQueryBuilder('t')
      .innerJoin(Citizen, 'c', 'c.id = t.citizen_id')
      .leftJoinAndMapOne('t.category', Category, 'category', 'category.id = t.category_id')
      .leftJoinAndMapOne('t.department', Department, 'department', 'department.id = t.department_id')
      .where('t.tracking_no = :trackingNo', { trackingNo })
      .andWhere('right(c.phone, 4) = :last4', { last4: query.phoneLast4 })
      .getOne();
    if (!row) {
      await this.redis.multi().incr(failuresKey).expire(failuresKey, 3600).exec();
      throw new TicketException(TicketErrorCode.LookupNotFound, 'Bu numara ve telefonla eşleşen başvuru bulunamadı');
    }
    const ticket = row as Ticket & { category?: Category; department?: Department };
    return {
      trackingNo: ticket.trackingNo,
      status: ticket.status,
      statusLabel: STATUS_LABELS[ticket.status],
      kind: KIND_LABELS[ticket.kind],
      category: ticket.category?.name ?? null,
      department: ticket.department?.name ?? null,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      answeredAt: ticket.answeredAt,
      closedAt: ticket.closedAt,
    };
  }
}
