import { Controller, HttpCode, Injectable, OnModuleInit, Post, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BULL_BOARD_INSTANCE, type BullBoardInstance } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { HttpException } from '@nestjs/common';
import { Role, Roles } from '@app/domain';
import { jobQueueToken, JobQueue, QueueName } from '@app/queue';
import type { StaffTokens } from '../auth';

/** Where Bull Board is served, under the API's prefix: /api/v1/admin/queues. */
export const BOARD_ROUTE = '/admin/queues';
const BOARD_PATH = `/api/v1${BOARD_ROUTE}`;
const COOKIE = 'cm_queue_board';
const COOKIE_SECONDS = 15 * 60;

/** The board's own page: its scripts from itself only; its loading screen uses inline styles. */
const BOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Bull Board's gate (the Nest guard does not run for middleware): an admin's current access
 * token, from the Authorization header or from the short-lived cookie that `POST
 * /admin/queue-board/session` sets for the board's path. Anyone else gets a 401 or 403.
 */
export function boardGate(tokens: StaffTokens) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const cookie = cookieToken(req);
      const user = await tokens.authenticate(req.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined));
      if (user.role !== Role.Admin) {
        res.status(403).json({ statusCode: 403, code: 'FORBIDDEN', message: 'Kuyruk panosu yalnızca yöneticiler içindir' });
        return;
      }
      res.setHeader('Content-Security-Policy', BOARD_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      next();
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 401;
      res.status(status).json({ statusCode: status, code: 'UNAUTHENTICATED', message: 'Kuyruk panosu için yönetici oturumu gerekli' });
    }
  };
}

/** Puts every job queue on the board. */
@Injectable()
export class QueueBoardQueues implements OnModuleInit {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    const board = this.moduleRef.get<BullBoardInstance>(BULL_BOARD_INSTANCE, { strict: false });
    for (const name of Object.values(QueueName)) {
      board.addQueue(new BullMQAdapter(this.moduleRef.get<JobQueue<QueueName>>(jobQueueToken(name), { strict: false }).raw));
    }
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
  session(@Req() req: Request, @Res({ passthrough: true }) res: Response): { url: string; expiresInSeconds: number } {
    const token = (req.headers.authorization ?? '').split(' ')[1] ?? '';
    res.cookie(COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: BOARD_PATH,
      maxAge: COOKIE_SECONDS * 1000,
    });
    return { url: `${BOARD_PATH}/`, expiresInSeconds: COOKIE_SECONDS };
  }
}
