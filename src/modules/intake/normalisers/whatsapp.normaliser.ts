import { normalizePhone } from '../../citizens/phone';
import { IdentityKind } from '../../citizens/channel-identity.entity';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

/**
 * A whatsapp-web.js `Message` as the adapter serialises it: `from` is "905321234567@c.us",
 * `type` chat | image | document | location…, media already saved by the adapter.
 */
export function normaliseWhatsapp(payload: Record<string, unknown>): InboundMessage {
  const from = str(payload.from);
  if (!from || !from.endsWith('@c.us')) throw new UnusablePayloadError('WhatsApp göndereni okunamadı');
  const phone = normalizePhone(`+${from.split('@')[0]}`);
  const location = payload.location as { latitude?: unknown; longitude?: unknown } | undefined;
  const media = payload.media as { filename?: string; mimetype?: string; size?: number; url?: string } | undefined;
  return requireContent({
    identity: { kind: IdentityKind.Whatsapp, value: from },
    phone,
    name: str(payload.notifyName),
    text: str(payload.body) && payload.type !== 'location' ? String(payload.body).trim() : '',
    media: media ? [{ url: media.url, contentType: media.mimetype, filename: media.filename, size: media.size }] : [],
    location:
      location && Number.isFinite(Number(location.latitude)) && Number.isFinite(Number(location.longitude))
        ? { latitude: Number(location.latitude), longitude: Number(location.longitude) }
        : null,
  });
}
