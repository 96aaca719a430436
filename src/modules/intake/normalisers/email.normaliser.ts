import { IdentityKind } from '../../citizens/channel-identity.entity';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

/** A parsed e-mail (mailparser-like): from { address, name }, subject, text, attachments. */
export function normaliseEmail(payload: Record<string, unknown>): InboundMessage {
  const from = payload.from as { address?: unknown; name?: unknown } | undefined;
  const address = str(from?.address)?.toLowerCase();
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new UnusablePayloadError('gönderen e-posta adresi okunamadı');
  const attachments = Array.isArray(payload.attachments) ? (payload.attachments as Record<string, unknown>[]) : [];
  return requireContent({
    identity: { kind: IdentityKind.Email, value: address },
    email: address,
    name: str(from?.name),
    subject: str(payload.subject),
    text: str(payload.text) ?? '',
    media: attachments.slice(0, 10).map((a) => ({
      filename: str(a.filename) ?? undefined,
      contentType: str(a.contentType) ?? undefined,
      size: Number(a.size) || undefined,
    })),
  });
}
