import { IdentityKind, normalizePhone } from '@app/domain';
import { InboundMessage, PendingMedia, requireContent, str } from './inbound-message';

export interface WhatsappMediaRef {
  url?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
}

/** A shared location as both providers give it: the place's name and address only when one was picked. */
export interface WhatsappLocation {
  latitude?: unknown;
  longitude?: unknown;
  name?: unknown;
  address?: unknown;
}

// The ticket's address column holds 500 characters.
const ADDRESS_MAX = 500;

/** The common tail of both shapes: chat id as identity, a refused file noted in the text. */
export function whatsappMessage(input: {
  chatId: string;
  name: string | null;
  text: string | null;
  media?: WhatsappMediaRef;
  mediaRefused: string | null;
  pendingMedia?: PendingMedia;
  location?: WhatsappLocation;
}): InboundMessage {
  const { media, location } = input;
  const lat = Number(location?.latitude);
  const lng = Number(location?.longitude);
  const located = location?.latitude != null && location.longitude != null && Number.isFinite(lat) && Number.isFinite(lng);
  const address = located ? (str(location.address)?.slice(0, ADDRESS_MAX) ?? null) : null;
  const note = input.mediaRefused ? `[Gönderilen dosya alınamadı: ${input.mediaRefused}]` : null;
  return requireContent({
    identity: { kind: IdentityKind.Whatsapp, value: input.chatId },
    phone: input.chatId.endsWith('@c.us') ? normalizePhone(`+${input.chatId.split('@')[0]}`) : null,
    name: input.name,
    text: [input.text, note].filter(Boolean).join('\n'),
    media: media ? [{ url: media.url, contentType: media.mimetype, filename: media.filename, size: media.size }] : [],
    ...(input.pendingMedia ? { pendingMedia: [input.pendingMedia] } : {}),
    location: located ? { latitude: lat, longitude: lng, name: str(location.name), address } : null,
    ...(address ? { address } : {}),
  });
}
