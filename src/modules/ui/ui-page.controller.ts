import { Controller, Get, OnModuleInit, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ResourceNotFoundException } from '@app/common';
import { Public } from '@app/domain';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// data: for the WhatsApp pairing QR drawn on a canvas and shown as an image.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The staff screens (/app): plain ES modules and CSS, no build step; nest-cli copies page/ next to
 * the compiled code. The files hold no data: every screen fetches the API with the user's token.
 */
@ApiExcludeController()
@Public()
@Controller('app')
export class UiPageController implements OnModuleInit {
  private readonly files = new Map<string, { type: string; body: string }>();

  async onModuleInit(): Promise<void> {
    const dir = join(__dirname, 'page');
    for (const file of await readdir(dir)) {
      const type = TYPES[extname(file)];
      if (type) this.files.set(file, { type, body: await readFile(join(dir, file), 'utf8') });
    }
  }

  @Get()
  shell(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() res: Response): void {
    this.send(res, file);
  }

  private send(res: Response, name: string): void {
    const file = this.files.get(name);
    if (!file) throw new ResourceNotFoundException('Sayfa');
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(file.body);
  }
}
