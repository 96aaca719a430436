import { Controller, Get, OnModuleInit, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Public } from '@app/domain';
import { SurveyErrorCode, SurveyException } from './survey-errors';
import { SurveyLinks } from './survey-links.service';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const SCRIPT = 'anket.js';

/** The survey page a citizen opens from the message (/anket/<token>); it shares the web form's stylesheet. */
@ApiExcludeController()
@Public()
@Controller('anket')
export class SurveyPageController implements OnModuleInit {
  private html = '';
  private script = '';

  constructor(private readonly links: SurveyLinks) {}

  // No build step: the files of page/ are copied next to the compiled code by nest-cli's assets.
  async onModuleInit(): Promise<void> {
    this.html = await readFile(join(__dirname, 'page', 'anket.html'), 'utf8');
    this.script = await readFile(join(__dirname, 'page', SCRIPT), 'utf8');
  }

  /** The page for a known token (404 otherwise), or its script. */
  @Get(':token')
  async page(@Param('token') token: string, @Res() res: FastifyReply): Promise<void> {
    const script = token === SCRIPT;
    if (!script && !(await this.links.exists(token))) throw new SurveyException(SurveyErrorCode.NotFound, 'Anket bulunamadı');
    void res
      .headers({
        'Content-Type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        // The token is in the address: no referrer may carry it elsewhere.
        'Referrer-Policy': 'no-referrer',
      })
      .send(script ? this.script : this.html);
  }
}
