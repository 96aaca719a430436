import { Controller, Get, Logger, OnModuleInit, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@app/config';
import { ResourceNotFoundException } from '@app/common';
import { Public } from '@app/domain';
import { readUiBundle, tileOrigin, uiBundleDir, type UiFile } from './ui-assets';
import { voiceConfigured } from './ui-config.controller';

/**
 * The staff screens (/app): the Preact bundle scripts/build-ui.mjs writes to dist-ui/ (`npm run
 * build`, and before jest). The files hold no data: every screen fetches the API with the user's token.
 */
@ApiExcludeController()
@Public()
@Controller('app')
export class UiPageController implements OnModuleInit {
  private readonly logger = new Logger(UiPageController.name);
  private files = new Map<string, UiFile>();
  private readonly csp: string;

  constructor(config: AppConfig) {
    const tiles = tileOrigin(config.UI_TILE_URL);
    const voice = voiceConfigured(config);
    // data: for the WhatsApp pairing QR and the map's inlined icons; blob: for media fetched with the token.
    this.csp = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
      `media-src 'self' blob:${voice ? ' https://sdk.twilio.com' : ''}`,
      `connect-src 'self'${voice ? ' https://*.twilio.com wss://*.twilio.com' : ''}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; ');
  }

  async onModuleInit(): Promise<void> {
    const dir = uiBundleDir();
    if (!dir) {
      this.logger.error('The staff UI bundle (dist-ui/) is missing: run `npm run build` (or `npm run build:ui`).');
      return;
    }
    this.files = await readUiBundle(dir);
  }

  @Get()
  shell(@Res() res: FastifyReply): void {
    this.send(res, 'index.html');
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() res: FastifyReply): void {
    this.send(res, file);
  }

  private send(res: FastifyReply, name: string): void {
    const file = this.files.get(name);
    if (!file) throw new ResourceNotFoundException('Sayfa');
    void res
      .headers({
        'Content-Type': file.type,
        'Content-Security-Policy': this.csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      })
      .send(file.body);
  }
}
