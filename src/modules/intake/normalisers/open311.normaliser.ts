import { InboundMessage, str } from './inbound-message';
import { normaliseWebForm } from './web-form.normaliser';

/**
 * An Open311 service request, stored by its adapter in the web form's shape (checked category,
 * attributes, mahalle, location, contact) plus `mediaUrl`: a picture the client hosts. The
 * picture stays a link in the text: intake links only files of our own media store to tickets.
 */
export function normaliseOpen311(payload: Record<string, unknown>): InboundMessage {
  const message = normaliseWebForm({ ...payload, media: [] });
  const mediaUrl = str(payload.mediaUrl);
  return mediaUrl ? { ...message, text: `${message.text}\n\nFotoğraf: ${mediaUrl}` } : message;
}
