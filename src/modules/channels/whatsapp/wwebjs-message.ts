import type { Message } from 'whatsapp-web.js';
import { OutboundState } from '../../notifications';

// What a citizen can send that becomes a ticket; reactions, revokes, notifications, cards are not.
const ACCEPTED_TYPES = new Set(['chat', 'image', 'video', 'audio', 'ptt', 'document', 'location']);

/** The library keeps the sender's push name only on the raw data. */
type RawMessage = Message & { _data?: { notifyName?: string } };

/** Group chats, status updates, broadcasts and our own messages are not the hotline's business. */
export function isCitizenMessage(message: Message): boolean {
  return (
    !message.fromMe && !message.id.fromMe && !message.isStatus && !message.broadcast && /@(c\.us|lid)$/.test(message.from) && ACCEPTED_TYPES.has(message.type)
  );
}

/**
 * The stored payload of a whatsapp-web.js `Message`: plain data only. A location's `body` is a
 * thumbnail image in base64, so it is left out; media are added by the adapter once saved.
 */
export function serialiseWwebjsMessage(message: Message): Record<string, unknown> {
  const location = message.type === 'location' && message.location ? message.location : null;
  return {
    id: message.id._serialized,
    from: message.from,
    to: message.to,
    type: message.type,
    timestamp: message.timestamp,
    notifyName: (message as RawMessage)._data?.notifyName ?? null,
    ...(location
      ? {
          location: {
            latitude: Number(location.latitude),
            longitude: Number(location.longitude),
            name: location.name ?? null,
            address: location.address ?? null,
          },
        }
      : { body: message.body }),
  };
}

/** `message_ack`: 1 server, 2 device, 3 read, 4 played; -1 error; 0 pending says nothing new. */
export function ackState(ack: number): OutboundState | null {
  if (ack === -1) return OutboundState.Failed;
  if (ack === 1) return OutboundState.Sent;
  if (ack >= 2) return OutboundState.Delivered;
  return null;
}
