import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config';
import { ForbiddenActionException } from '@app/common';
import { Public } from '@app/domain';
import { CloudApiInbound, CloudWebhook } from './cloud-api-inbound.service';
import { cloudNotConfigured, CloudApiSignatureGuard } from './cloud-api-signature.guard';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Meta's WhatsApp Cloud API webhook: the subscription handshake, then signed messages and status reports. */
// In the API document (a provider's webhook, signed), so the authorization matrix and the fuzzer cover it.
@ApiTags('webhooks')
@Public()
@Controller('channels/whatsapp/cloud')
export class CloudApiController {
  constructor(
    private readonly config: AppConfig,
    private readonly inbound: CloudApiInbound,
  ) {}

  /** Meta checks the callback URL by asking for `hub.challenge` back with the agreed token. */
  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  verify(@Query() query: Record<string, string>): string {
    const token = this.config.WHATSAPP_CLOUD_VERIFY_TOKEN;
    if (!token) throw cloudNotConfigured('WHATSAPP_CLOUD_VERIFY_TOKEN');
    const given = query['hub.verify_token'];
    if (query['hub.mode'] !== 'subscribe' || typeof given !== 'string' || !same(given, token)) {
      throw new ForbiddenActionException('WhatsApp doğrulama belirteci geçersiz');
    }
    return String(query['hub.challenge'] ?? '');
  }

  @Post()
  @HttpCode(200)
  @UseGuards(CloudApiSignatureGuard)
  async receive(@Body() webhook: CloudWebhook): Promise<void> {
    await this.inbound.handle(webhook);
  }
}
