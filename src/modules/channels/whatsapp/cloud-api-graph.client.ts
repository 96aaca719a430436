import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MediaErrorCode, MediaRejectedException } from '../../media';

const TIMEOUT_MS = 10_000;

/** A Graph API refusal: `code` is Meta's error code (131047 = outside the 24-hour window). */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** The few Graph API calls the Cloud API adapter makes, against WHATSAPP_CLOUD_API_URL. */
@Injectable()
export class CloudApiGraph {
  constructor(private readonly config: AppConfig) {}

  /** `GET /{media-id}` gives a short-lived URL, which needs the same token. */
  async downloadMedia(mediaId: string): Promise<Buffer> {
    const info = (await this.call('GET', `/${encodeURIComponent(mediaId)}`)) as { url?: string; file_size?: number };
    if (!info.url) throw new GraphApiError(502, null, `Graph API: ${mediaId} için dosya adresi yok`);
    if (info.file_size && info.file_size > this.config.MEDIA_MAX_BYTES) {
      const mb = (this.config.MEDIA_MAX_BYTES / 1024 / 1024).toFixed(0);
      throw new MediaRejectedException(MediaErrorCode.TooLarge, 'media', `media: dosya ${mb} MB sınırını aşıyor`);
    }
    const response = await fetch(info.url, { headers: this.headers(), signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new GraphApiError(response.status, null, `Graph API dosya indirme: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  /** `POST /{phone-number-id}/messages`; returns the new message's wamid. */
  async sendMessage(body: Record<string, unknown>): Promise<string> {
    const sent = (await this.call('POST', `/${this.config.WHATSAPP_CLOUD_PHONE_NUMBER_ID}/messages`, body)) as { messages?: { id?: string }[] };
    const id = sent.messages?.[0]?.id;
    if (!id) throw new GraphApiError(502, null, 'Graph API yanıtında mesaj kimliği yok');
    return id;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<unknown> {
    const response = await fetch(`${this.config.WHATSAPP_CLOUD_API_URL.replace(/\/$/, '')}${path}`, {
      method,
      headers: { ...this.headers(), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: { code?: number; message?: string } };
    if (!response.ok) {
      throw new GraphApiError(response.status, json.error?.code ?? null, `Graph API ${json.error?.code ?? response.status}: ${json.error?.message ?? 'hata'}`);
    }
    return json;
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.config.WHATSAPP_CLOUD_ACCESS_TOKEN ?? ''}` };
  }
}
