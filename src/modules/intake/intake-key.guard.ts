import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config';
import { UnauthenticatedException } from '@app/common';

/** Trusted integrations present the shared intake key in `X-Intake-Key`. */
@Injectable()
export class IntakeKeyGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const given = Buffer.from(String(context.switchToHttp().getRequest<FastifyRequest>().headers['x-intake-key'] ?? ''));
    const expected = Buffer.from(this.config.INTAKE_API_KEY);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new UnauthenticatedException('Geçersiz entegrasyon anahtarı');
    }
    return true;
  }
}
