import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { InvalidFieldException } from '@app/common';
import { RateCheck, RateLimiter, RateRule, waitMinutes } from '@app/queue';
import { KIND_LABELS, Public, STATUS_LABELS } from '@app/domain';
import { Category } from '../categories';
import { Citizen } from '../citizens';
import { Department } from '../departments';
import { PublicStatusQueryDto } from './dto/public-status.dto';
import { TicketErrorCode, TicketException } from './ticket-errors';
import { Ticket } from './ticket.entity';

const TRACKING_NO = /^\d{4}-\d{6}$/;
// The applicant's phone or e-mail: what the application gave, the citizen's record, or an
// identity they wrote from (a WhatsApp id is "905321234567@c.us", so only its digits count).
const OWNS_PHONE = `(right(t.contact_phone, 4) = :last4 OR right(c.phone, 4) = :last4 OR EXISTS (
  SELECT 1 FROM citizen_identities i WHERE i.citizen_id = c.id AND i.kind IN ('phone', 'whatsapp')
     AND right(regexp_replace(i.value, '\\D', '', 'g'), 4) = :last4))`;
const OWNS_EMAIL = `(lower(t.contact_email) = :email OR lower(c.email) = :email OR EXISTS (
  SELECT 1 FROM citizen_identities i WHERE i.citizen_id = c.id AND i.kind = 'email' AND lower(i.value) = :email))`;
const WINDOW_SECONDS = 3600;

/**
 * A citizen looks an application up by tracking number and the last four digits of their
 * phone (WhatsApp's too), or the e-mail they applied with. The answer carries no personal data; wrong guesses are counted and capped per client
 * address and number (so a stranger's guesses lock out only the stranger, not the citizen) and
 * per address across numbers (enumeration).
 */
@ApiTags('public')
@Public()
@Controller('public/tickets')
export class PublicStatusController {
  private readonly perNumber: RateRule;
  private readonly perAddress: RateRule;

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.perNumber = { scope: 'public-lookup', limit: config.PUBLIC_LOOKUP_MAX_FAILURES, windowSeconds: WINDOW_SECONDS };
    this.perAddress = { scope: 'public-lookup-address', limit: config.PUBLIC_LOOKUP_MAX_ADDRESS_FAILURES, windowSeconds: WINDOW_SECONDS };
  }

  @Get(':trackingNo')
  async status(@Param('trackingNo') trackingNo: string, @Query() query: PublicStatusQueryDto, @Req() req: FastifyRequest) {
    if (!TRACKING_NO.test(trackingNo)) {
      throw new InvalidFieldException('trackingNo', 'trackingNo: başvuru numarası 2026-000123 biçiminde olmalı');
    }
    const ip = req.ip;
    const checks: RateCheck[] = [
      { rule: this.perNumber, subject: [trackingNo, ip] },
      { rule: this.perAddress, subject: ip },
    ];
    // Taken before the look-up so concurrent guesses cannot overshoot; a match gives it back.
    await this.limiter.take(checks, (wait) => `Çok sayıda hatalı deneme; lütfen ${waitMinutes(wait)} dakika sonra tekrar deneyin`);
    const row = await this.tickets
      .createQueryBuilder('t')
      .innerJoin(Citizen, 'c', 'c.id = t.citizen_id')
      .leftJoinAndMapOne('t.category', Category, 'category', 'category.id = t.category_id')
      .leftJoinAndMapOne('t.department', Department, 'department', 'department.id = t.department_id')
      .where('t.tracking_no = :trackingNo', { trackingNo })
      .andWhere(query.email ? OWNS_EMAIL : OWNS_PHONE, query.email ? { email: query.email } : { last4: query.phoneLast4 })
      .getOne();
    if (!row) throw new TicketException(TicketErrorCode.LookupNotFound, `Bu numara ve ${query.email ? 'e-postayla' : 'telefonla'} eşleşen başvuru bulunamadı`);
    await this.limiter.refund(checks);
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
