import { InboundMessage, str, UnusablePayloadError } from './inbound-message';
import { normaliseWhatsappCloud } from './whatsapp-cloud.normaliser';
import { WhatsappLocation, WhatsappMediaRef, whatsappMessage } from './whatsapp-message';

/**
 * Both WhatsApp adapters store under channel `whatsapp`, so one citizen threads the same way
 * whichever provider is connected: a Cloud API payload (Meta's webhook `value` narrowed to one
 * message) says `messaging_product`; anything else is a serialised whatsapp-web.js `Message`.
 */
export function normaliseWhatsapp(payload: Record<string, unknown>): InboundMessage {
  return payload.messaging_product === 'whatsapp' ? normaliseWhatsappCloud(payload) : normaliseWwebjs(payload);
}

/**
 * A whatsapp-web.js `Message` as the adapter serialises it: `from` is "905321234567@c.us" (or a
 * "…@lid" privacy id with no phone behind it), `type` chat | image | document | location… (a
 * location with the picked place's `name` and `address`), media already saved by the adapter,
 * or the reason it was refused in `mediaRefused`.
 */
function normaliseWwebjs(payload: Record<string, unknown>): InboundMessage {
  const from = str(payload.from);
  if (!from || !/@(c\.us|lid)$/.test(from)) throw new UnusablePayloadError('WhatsApp göndereni okunamadı');
  return whatsappMessage({
    chatId: from,
    name: str(payload.notifyName),
    text: payload.type !== 'location' ? str(payload.body) : null,
    media: payload.media as WhatsappMediaRef | undefined,
    mediaRefused: str(payload.mediaRefused),
    location: payload.location as WhatsappLocation | undefined,
  });
}
