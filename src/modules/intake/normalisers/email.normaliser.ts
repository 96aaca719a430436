import { IdentityKind } from '@app/domain';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

// Tracking numbers are "<year>-<at least six digits>" (see numbered-insert.ts).
const TRACKING_NO = /(?<![\d-])(\d{4}-\d{6,})(?![\d-])/;

export const trackingNoIn = (subject: string | null): string | null => subject?.match(TRACKING_NO)?.[1] ?? null;

/**
 * A mail as the IMAP adapter stores it (EmailPayload in channels/email/inbound-mail.ts): from
 * { address, name }, subject, text, attachments already kept by the media store, messageId,
 * inReplyTo, references, automatic.
 */
export function normaliseEmail(payload: Record<string, unknown>): InboundMessage {
  const from = payload.from as { address?: unknown; name?: unknown } | undefined;
  const address = str(from?.address)?.toLowerCase();
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new UnusablePayloadError('gönderen e-posta adresi okunamadı');
  const attachments = Array.isArray(payload.attachments) ? (payload.attachments as Record<string, unknown>[]) : [];
  const subject = str(payload.subject);
  const references = Array.isArray(payload.references) ? payload.references.filter((r): r is string => typeof r === 'string') : [];
  const inReplyTo = str(payload.inReplyTo);
  return requireContent({
    identity: { kind: IdentityKind.Email, value: address },
    email: address,
    name: str(from?.name),
    subject,
    text: str(payload.text) ?? '',
    media: attachments.slice(0, 10).map((a) => ({
      url: str(a.url) ?? undefined,
      filename: str(a.filename) ?? undefined,
      contentType: str(a.contentType) ?? undefined,
      size: Number(a.size) || undefined,
    })),
    thread: { trackingNo: trackingNoIn(subject), replyTo: [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references.reverse()])] },
    automatic: payload.automatic === true,
  });
}
