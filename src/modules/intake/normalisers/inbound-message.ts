import { IdentityKind, TicketKind } from '@app/domain';

/** What every channel's raw payload is turned into before intake works on it. */
export interface InboundMessage {
  identity: { kind: IdentityKind; value: string };
  /** Also known: a phone behind a WhatsApp id, an e-mail given on a form. */
  phone?: string | null;
  email?: string | null;
  name?: string | null;
  subject?: string | null;
  text: string;
  media: { url?: string; contentType?: string; filename?: string; size?: number }[];
  /** Files the channel could not fetch yet: a filing hook of the channel fetches them later. */
  pendingMedia?: PendingMedia[];
  /** A shared location, with the place's name and address when the citizen picked one. */
  location?: { latitude: number; longitude: number; name?: string | null; address?: string | null } | null;
  /** A category or mahalle the citizen picked on the web form. */
  categoryHint?: string | null;
  mahalleHint?: string | null;
  /** The picked category's extra fields, checked by the adapter against that category. */
  attributes?: Record<string, string | number | string[]> | null;
  /**
   * Channels that say what they answer (e-mail): the tracking number in the subject and the
   * Message-IDs replied to. When set, only these thread the message onto a ticket.
   */
  thread?: { trackingNo: string | null; replyTo: string[] };
  /** Sent by a machine (auto-reply, bounce, mailing list): never to be answered automatically. */
  automatic?: boolean;
  /** What the citizen said the application is (the web form asks); else the category's kind. */
  kindHint?: TicketKind | null;
  address?: string | null;
  /** The citizen agreed (KVKK) to be contacted about the application. */
  contactConsent?: boolean;
  /** A form is a new application each time: it never continues an open ticket. */
  startsTicket?: boolean;
}

/** A file known only by the provider's reference (a Graph API media id). */
export interface PendingMedia {
  ref: string;
  contentType?: string;
  filename?: string;
}

/** Why a payload cannot become a ticket; stored on the event and shown to admins. */
export class UnusablePayloadError extends Error {}

export type Normaliser = (payload: Record<string, unknown>) => InboundMessage;

export const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

export function requireContent(message: InboundMessage): InboundMessage {
  if (!message.text && message.media.length === 0 && !message.pendingMedia?.length && !message.location) {
    throw new UnusablePayloadError('mesajda metin, dosya veya konum yok');
  }
  return message;
}
