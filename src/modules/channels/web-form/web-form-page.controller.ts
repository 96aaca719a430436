import { Controller, Get, OnModuleInit, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { ResourceNotFoundException } from '@app/common';
import { KIND_LABELS, Public } from '@app/domain';

interface PageFile {
  type: string;
  body: string;
}

// The files of page/: no build step; copied next to the compiled code by nest-cli's assets.
const FILES: Record<string, { file: string; type: string }> = {
  '': { file: 'basvuru.html', type: 'text/html; charset=utf-8' },
  durum: { file: 'durum.html', type: 'text/html; charset=utf-8' },
  seffaflik: { file: 'seffaflik.html', type: 'text/html; charset=utf-8' },
  'seffaflik.js': { file: 'seffaflik.js', type: 'text/javascript; charset=utf-8' },
  'basvuru.js': { file: 'basvuru.js', type: 'text/javascript; charset=utf-8' },
  'durum.js': { file: 'durum.js', type: 'text/javascript; charset=utf-8' },
  'basvuru.css': { file: 'basvuru.css', type: 'text/css; charset=utf-8' },
};

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The citizens' application page (/basvuru), status page (/basvuru/durum) and the public map and figures (/basvuru/seffaflik), read once at boot. */
@ApiExcludeController()
@Public()
@Controller('basvuru')
export class WebFormPageController implements OnModuleInit {
  private readonly files = new Map<string, PageFile>();

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    for (const [route, { file, type }] of Object.entries(FILES)) {
      const text = await readFile(join(__dirname, 'page', file), 'utf8');
      this.files.set(route, { type, body: type.startsWith('text/html') ? this.fill(text) : text });
    }
  }

  @Get()
  form(@Res() res: FastifyReply): void {
    this.send(res, '');
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() res: FastifyReply): void {
    if (!file || !this.files.has(file)) throw new ResourceNotFoundException('Sayfa');
    this.send(res, file);
  }

  private send(res: FastifyReply, route: string): void {
    const page = this.files.get(route)!;
    void res
      .headers({ 'Content-Type': page.type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' })
      .send(page.body);
  }

  /** The settings the page shows: the kinds of application and how many photos it takes. */
  private fill(html: string): string {
    const kinds = Object.entries(KIND_LABELS)
      .map(([value, label]) => `<option value="${value}">${escapeHtml(label)}</option>`)
      .join('\n            ');
    const max = this.config.WEB_FORM_MAX_PHOTOS;
    const inputs = Array.from(
      { length: max },
      (_, i) =>
        `<label for="photo-${i + 1}">Fotoğraf ${i + 1}</label>\n            <input id="photo-${i + 1}" name="photos" type="file" accept="image/*" aria-describedby="photos-hint photos-error">`,
    ).join('\n            ');
    const photos = max > 0 ? inputs : '<p>Bu formla fotoğraf gönderilemez.</p>';
    return html.replace('{{kindOptions}}', kinds).replace('{{maxPhotos}}', String(max)).replace('{{photoInputs}}', photos);
  }
}
