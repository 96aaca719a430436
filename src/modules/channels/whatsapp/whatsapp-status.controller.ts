import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { toDataURL } from 'qrcode';
import { AppConfig } from '@app/config';
import { Role, Roles } from '@app/domain';
import { WhatsappClientStatus, WhatsappStatusStore } from './whatsapp-status.store';

/** `qrImage`: the pairing code drawn as a QR image (a PNG data: URL), while the client waits to be paired. */
export type WhatsappStatusView = { provider: string; qrImage?: string | null } & (WhatsappClientStatus | { state: 'inactive' });

/** The hotline client's state and, while it waits to be paired, the QR code to scan (admins only). */
@ApiTags('channels')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('channels/whatsapp')
export class WhatsappStatusController {
  constructor(
    private readonly config: AppConfig,
    private readonly store: WhatsappStatusStore,
  ) {}

  @Get('status')
  async status(): Promise<WhatsappStatusView> {
    const provider = this.config.WHATSAPP_PROVIDER;
    // Only whatsapp-web.js has a client to pair; the Cloud API and local need none.
    if (provider !== 'wwebjs') return { provider, state: 'inactive' };
    const status = await this.store.get();
    const qrImage = status?.state === 'qr' && status.qr ? await toDataURL(status.qr, { errorCorrectionLevel: 'L', margin: 2, scale: 6 }) : null;
    return {
      provider,
      qrImage,
      ...(status ?? {
        state: 'disconnected',
        qr: null,
        qrIssuedAt: null,
        number: null,
        lastError: 'WhatsApp istemcisini çalıştıran işçi süreci durum bildirmiyor',
        since: new Date(0).toISOString(),
      }),
    };
  }
}
