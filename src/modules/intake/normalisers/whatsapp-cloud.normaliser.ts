import { InboundMessage, str, UnusablePayloadError } from './inbound-message';
import { WhatsappLocation, WhatsappMediaRef, whatsappMessage } from './whatsapp-message';

interface CloudMessage {
  from?: unknown;
  type?: unknown;
  text?: { body?: unknown };
  location?: WhatsappLocation;
  [kind: string]: unknown;
}

/** An image, document, audio or video of Meta's webhook: the media id, its type, a caption. */
interface CloudAttachment {
  id?: unknown;
  mime_type?: unknown;
  filename?: unknown;
  caption?: unknown;
}

/**
 * Meta's Cloud API webhook `value` narrowed to one message: `contacts[0]` (wa_id, profile.name),
 * `messages[0]` (text, image/document/audio/video with a caption, location with name and
 * address). The sender's wa_id becomes the same "…@c.us" chat id whatsapp-web.js uses, so
 * threading does not care which provider brought the message. The adapter adds the saved
 * `media`, `mediaRefused`, or `mediaPending` when the Graph API could not give the file yet.
 */
export function normaliseWhatsappCloud(payload: Record<string, unknown>): InboundMessage {
  const message = (Array.isArray(payload.messages) ? payload.messages[0] : undefined) as CloudMessage | undefined;
  const contact = (Array.isArray(payload.contacts) ? payload.contacts[0] : undefined) as { wa_id?: unknown; profile?: { name?: unknown } } | undefined;
  const waId = str(message?.from) ?? str(contact?.wa_id);
  if (!message || !waId || !/^\d{8,15}$/.test(waId)) throw new UnusablePayloadError('WhatsApp göndereni okunamadı');
  const type = str(message.type) ?? '';
  const attached = message[type] as CloudAttachment | undefined;
  const ref = str(attached?.id);
  return whatsappMessage({
    chatId: `${waId}@c.us`,
    name: str(contact?.profile?.name),
    text: type === 'text' ? str(message.text?.body) : str(attached?.caption),
    media: payload.media as WhatsappMediaRef | undefined,
    mediaRefused: str(payload.mediaRefused),
    pendingMedia:
      str(payload.mediaPending) && ref
        ? { ref, contentType: str(attached?.mime_type) ?? undefined, filename: str(attached?.filename) ?? undefined }
        : undefined,
    location: message.location,
  });
}
