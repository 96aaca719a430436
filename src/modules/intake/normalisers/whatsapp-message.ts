import { normalizePhone } from '../../citizens/phone';
import { IdentityKind } from '../../citizens/channel-identity.entity';
import { InboundMessage, requireContent } from './inbound-message';

export interface WhatsappMediaRef {
  url?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
}

/** The common tail of both shapes: chat id as identity, a refused file noted in the text. */
export function whatsappMessage(input: {
  chatId: string;
  name: string | null;
  text: string | null;
  media?: WhatsappMediaRef;
  mediaRefused: string | null;
  latitude?: unknown;
  longitude?: unknown;
}): InboundMessage {
  const { media } = input;
  const lat = Number(input.latitude);
  const lng = Number(input.longitude);
  const note = input.mediaRefused ? `[Gönderilen dosya alınamadı: ${input.mediaRefused}]` : null;
  return requireContent({
    identity: { kind: IdentityKind.Whatsapp, value: input.chatId },
    phone: input.chatId.endsWith('@c.us') ? normalizePhone(`+${input.chatId.split('@')[0]}`) : null,
    name: input.name,
    text: [input.text, note].filter(Boolean).join('\n'),
    media: media ? [{ url: media.url, contentType: media.mimetype, filename: media.filename, size: media.size }] : [],
    location: input.latitude != null && input.longitude != null && Number.isFinite(lat) && Number.isFinite(lng) ? { latitude: lat, longitude: lng } : null,
  });
}
