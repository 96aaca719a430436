import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainException, ErrorKind, ForbiddenActionException, RawBodyRequest } from '@app/common';
import { validHubSignature } from './cloud-api-signature';

export enum WhatsappCloudErrorCode {
  NotConfigured = 'WHATSAPP_CLOUD_NOT_CONFIGURED',
}

export const cloudNotConfigured = (setting: string) =>
  new DomainException(WhatsappCloudErrorCode.NotConfigured, ErrorKind.Unavailable, `WhatsApp Cloud API bağlı değil (${setting} tanımlı değil)`);

/** Every Cloud API webhook is signed by Meta over its raw body; refused before anything is stored. */
@Injectable()
export class CloudApiSignatureGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const secret = this.config.WHATSAPP_CLOUD_APP_SECRET;
    if (!secret) throw cloudNotConfigured('WHATSAPP_CLOUD_APP_SECRET');
    const request = context.switchToHttp().getRequest<RawBodyRequest>();
    if (!validHubSignature(secret, request.rawBody, request.headers['x-hub-signature-256'])) {
      throw new ForbiddenActionException('WhatsApp imzası geçersiz');
    }
    return true;
  }
}
