import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { validateRequest } from 'twilio';
import { AppConfig } from '@app/config';
import { DomainException, ErrorKind, ForbiddenActionException } from '@app/common';

export enum TwilioErrorCode {
  NotConfigured = 'TWILIO_NOT_CONFIGURED',
}

/**
 * Every Twilio webhook must carry X-Twilio-Signature: HMAC-SHA1, keyed with the account's auth
 * token, of the URL as Twilio called it (PUBLIC_URL + path, so it holds behind a proxy) and the
 * sorted form parameters. Refused before anything is stored.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) throw new DomainException(TwilioErrorCode.NotConfigured, ErrorKind.Unavailable, 'Twilio bağlı değil (TWILIO_AUTH_TOKEN tanımlı değil)');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const signature = request.headers['x-twilio-signature'];
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}${request.url}`;
    const params = (request.body ?? {}) as Record<string, string>;
    if (typeof signature !== 'string' || !validateRequest(token, signature, url, params)) {
      throw new ForbiddenActionException('Twilio imzası geçersiz');
    }
    return true;
  }
}
