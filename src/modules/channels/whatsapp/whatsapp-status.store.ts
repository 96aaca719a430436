import { Injectable } from '@nestjs/common';
import { RedisClient } from '@app/queue';

export type WhatsappClientState = 'starting' | 'qr' | 'ready' | 'disconnected';

/** What admins see of the hotline's whatsapp-web.js client. */
export interface WhatsappClientStatus {
  state: WhatsappClientState;
  /** The pairing QR code's text (render it as a QR image and scan it with the hotline phone). */
  qr: string | null;
  qrIssuedAt: string | null;
  /** The connected number, digits only. */
  number: string | null;
  lastError: string | null;
  since: string;
}

const TTL_SECONDS = 120;

/**
 * The client lives in a worker process and admins ask the API process, so its status is kept in
 * Redis. It expires unless the worker refreshes it: a dead worker does not look connected.
 */
@Injectable()
export class WhatsappStatusStore {
  constructor(private readonly redis: RedisClient) {}

  async set(status: WhatsappClientStatus): Promise<void> {
    await this.redis.connection.set(this.redis.key('whatsapp', 'status'), JSON.stringify(status), 'EX', TTL_SECONDS);
  }

  async get(): Promise<WhatsappClientStatus | null> {
    const raw = await this.redis.connection.get(this.redis.key('whatsapp', 'status'));
    return raw ? (JSON.parse(raw) as WhatsappClientStatus) : null;
  }
}
