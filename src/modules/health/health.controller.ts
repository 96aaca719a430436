import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/domain';
import { ReadinessProbe } from './readiness';

/**
 * For orchestrators: `/health/live` (the process answers: restart it if not), `/health/ready`
 * (send it traffic: see ReadinessProbe), and `/health`, PostgreSQL and Redis as before.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessProbe) {}

  @Get()
  async check(@Res({ passthrough: true }) res: FastifyReply) {
    const checks = await this.readiness.dependencies();
    const status = checks.database === 'up' && checks.redis === 'up' ? 'ok' : 'degraded';
    res.code(status === 'ok' ? 200 : 503);
    return { status, checks };
  }

  /** No dependency is asked: a lost database is a reason to stop traffic, not to restart every pod. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const { ready, checks } = await this.readiness.check();
    res.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  }
}
