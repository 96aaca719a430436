import { Controller, HttpCode, HttpException, Injectable, OnModuleInit, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Role, Roles } from '@app/domain';
import { jobQueueToken, JobQueue, QueueName } from '@app/queue';
import { StaffTokens } from '../auth';

/** Where Bull Board is served, under the API's prefix. */
const BOARD_PATH = '/api/v1/admin/queues';
const COOKIE = 'cm_queue_board';
const COOKIE_SECONDS = 15 * 60;

/** The board's own page: its scripts from itself only; its loading screen uses inline styles. */
const BOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cookieToken(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Bull Board's gate, a hook of the board's own routes (the Nest guard does not run for them): an
 * admin's current access token, from the Authorization header or from the short-lived cookie
 * that `POST /admin/queue-board/session` sets for the board's path. Anyone else gets a 401 or 403.
 */
export function boardGate(tokens: StaffTokens) {
  // A hook that answers returns the reply: Fastify then stops there.
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    try {
      const cookie = cookieToken(req);
      const user = await tokens.authenticate(req.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined));
      if (user.role !== Role.Admin) {
        return reply.code(403).send({ statusCode: 403, code: 'FORBIDDEN', message: 'Kuyruk panosu yalnızca yöneticiler içindir' });
      }
      reply.headers({ 'Content-Security-Policy': BOARD_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      return undefined;
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 401;
      return reply.code(status).send({ statusCode: status, code: 'UNAUTHENTICATED', message: 'Kuyruk panosu için yönetici oturumu gerekli' });
    }
  };
}

/** Bull Board with every job queue, at BOARD_PATH behind boardGate; only where there is an HTTP server (not in a worker). */
@Injectable()
export class QueueBoard implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: StaffTokens,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new FastifyAdapter().setBasePath(BOARD_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.moduleRef.get<JobQueue<QueueName>>(jobQueueToken(name), { strict: false }).raw)),
      serverAdapter,
    });
    const gate = boardGate(this.tokens);
    void fastify.register(
      async (board) => {
        board.addHook('onRequest', gate);
        await board.register(serverAdapter.registerPlugin());
      },
      { prefix: BOARD_PATH },
    );
  }
}

/** Opens the board for the admin's browser: their token in an HttpOnly cookie for the board's path only. */
@ApiTags('ops')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/queue-board')
export class QueueBoardController {
  @Post('session')
  @HttpCode(200)
  session(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): { url: string; expiresInSeconds: number } {
    const token = (req.headers.authorization ?? '').split(' ')[1] ?? '';
    const expires = new Date(Date.now() + COOKIE_SECONDS * 1000).toUTCString();
    const secure = req.protocol === 'https' ? '; Secure' : '';
    res.header(
      'Set-Cookie',
      `${COOKIE}=${encodeURIComponent(token)}; Max-Age=${COOKIE_SECONDS}; Path=${BOARD_PATH}; Expires=${expires}; HttpOnly${secure}; SameSite=Strict`,
    );
    return { url: `${BOARD_PATH}/`, expiresInSeconds: COOKIE_SECONDS };
  }
}
