import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvalidFieldException, UUID_TEXT } from '@app/common';
import { Public } from '@app/domain';
import { Open311ErrorCode, Open311ErrorFilter, Open311Exception } from './open311-errors';
import { Open311Filing } from './open311-filing';
import { formatOf, Open311Format, render } from './open311-format';
import { Open311Reads, RequestQuery } from './open311-reads';
import { Open311Services } from './open311-services';
import { parseXmlRequest } from './xml-input';

const DAY_MS = 24 * 3600_000;
// GET requests covers at most 90 days, the last 90 without dates, as the specification says.
const MAX_DAYS = 90;
const FORMAT = { name: 'format', enum: ['json', 'xml'] };

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`: the city apps'
 * common interface. Reads are public; filing needs a client application's `api_key`.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly services: Open311Services,
    private readonly reads: Open311Reads,
    private readonly filing: Open311Filing,
  ) {}

  @Get('discovery.:format')
  @ApiParam(FORMAT)
  discovery(@Param('format') format: string, @Res() res: FastifyReply): void {
    send(res, as(format), 'discovery', this.services.discovery());
  }

  @Get('services.:format')
  @ApiParam(FORMAT)
  async list(@Param('format') format: string, @Res() res: FastifyReply): Promise<void> {
    const f = as(format);
    send(res, f, 'services', await this.services.services());
  }

  @Get('services/:service_code.:format')
  @ApiParam(FORMAT)
  async definition(@Param('service_code') code: string, @Param('format') format: string, @Res() res: FastifyReply): Promise<void> {
    const f = as(format);
    send(res, f, 'service_definition', await this.services.definition(code));
  }

  @Post('requests.:format')
  @HttpCode(201)
  @ApiParam(FORMAT)
  @ApiConsumes('application/x-www-form-urlencoded', 'text/xml')
  @ApiBody({ schema: { type: 'object', properties: { api_key: { type: 'string' }, service_code: { type: 'string' } } } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Aynı anahtarla gelen ikinci istek aynı başvuruyu döndürür' })
  async create(
    @Param('format') format: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const f = as(format);
    // A body the parser could not read arrives as its refusal (see open311Body).
    if (body instanceof Open311Exception) throw body;
    const form = typeof body === 'string' ? parseXmlRequest(body) : body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const identity = await this.filing.file(form as Record<string, unknown>, key);
    const answer = identity.service_request_id
      ? { service_request_id: identity.service_request_id, service_notice: identity.service_notice, account_id: null }
      : { token: identity.token };
    res.code(201);
    send(res, f, 'service_requests', [answer]);
  }

  @Get('tokens/:token.:format')
  @ApiParam(FORMAT)
  async token(@Param('token') token: string, @Param('format') format: string, @Res() res: FastifyReply): Promise<void> {
    const f = as(format);
    if (!UUID_TEXT.test(token)) {
      throw new InvalidFieldException('token', 'token: POST requests yanıtındaki jeton olmalı');
    }
    const identity = await this.reads.token(token);
    send(res, f, 'service_requests', [{ service_request_id: identity.service_request_id, token: identity.token }]);
  }

  @Get('requests.:format')
  @ApiParam(FORMAT)
  @ApiQuery({ name: 'service_request_id', required: false, description: 'virgülle ayrılmış başvuru numaraları' })
  @ApiQuery({ name: 'service_code', required: false, description: 'virgülle ayrılmış hizmet kodları' })
  @ApiQuery({ name: 'start_date', required: false })
  @ApiQuery({ name: 'end_date', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed veya ikisi virgülle' })
  async requests(@Param('format') format: string, @Query() query: Record<string, unknown>, @Res() res: FastifyReply): Promise<void> {
    const f = as(format);
    send(res, f, 'service_requests', await this.reads.requests(requestQuery(query, new Date())));
  }

  @Get('requests/:service_request_id.:format')
  @ApiParam(FORMAT)
  async request(@Param('service_request_id') id: string, @Param('format') format: string, @Res() res: FastifyReply): Promise<void> {
    const f = as(format);
    send(res, f, 'service_requests', await this.reads.request(id));
  }
}

function as(extension: string): Open311Format {
  const format = formatOf(extension);
  if (!format) throw new Open311Exception(Open311ErrorCode.UnknownFormat, 'format: yanıt biçimi json veya xml olmalı');
  return format;
}

function send(res: FastifyReply, format: Open311Format, root: string, document: Parameters<typeof render>[2]): void {
  const { type, text } = render(format, root, document);
  void res.type(type).send(text);
}

/** The filters of GET requests, each checked: a wrong one is a 400 naming it. */
function requestQuery(query: Record<string, unknown>, now: Date): RequestQuery {
  const text = (name: string): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || value.length > 2000) throw new InvalidFieldException(name, `${name}: tek bir metin değeri olmalı`);
    return value;
  };
  const date = (name: string): Date | null => {
    const value = text(name);
    if (value === null) return null;
    const parsed = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime())) {
      throw new InvalidFieldException(name, `${name}: 2026-12-06T00:00:00+03:00 biçiminde bir tarih olmalı`);
    }
    return parsed;
  };
  const list = (name: string) =>
    (text(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const ids = list('service_request_id');
  if (ids.length > 100 || ids.some((id) => !/^\d{4}-\d{6}$/.test(id))) {
    throw new InvalidFieldException('service_request_id', 'service_request_id: en fazla 100 tane, 2026-000123 biçiminde, virgülle ayrılmış olmalı');
  }
  const status = list('status');
  if (status.some((s) => s !== 'open' && s !== 'closed')) throw new InvalidFieldException('status', 'status: open, closed veya ikisi olmalı');
  const [from, until] = [date('start_date'), date('end_date')];
  // A start_date alone reads its 90 days (up to now).
  const end = until ?? (from ? new Date(Math.min(now.getTime(), from.getTime() + MAX_DAYS * DAY_MS)) : now);
  const start = from ?? new Date(end.getTime() - MAX_DAYS * DAY_MS);
  if (start >= end) throw new InvalidFieldException('start_date', 'start_date: end_date’ten önce olmalı');
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) {
    throw new InvalidFieldException('start_date', `start_date: end_date ile arası en fazla ${MAX_DAYS} gün olabilir`);
  }
  const serviceCodes = list('service_code');
  if (serviceCodes.length > 100) throw new InvalidFieldException('service_code', 'service_code: en fazla 100 tane, virgülle ayrılmış olmalı');
  return { ids, serviceCodes, start, end, status: [...new Set(status)] as RequestQuery['status'] };
}
