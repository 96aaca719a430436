import { IdentityKind, normalizePhone } from '@app/domain';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

/** Twilio's inbound SMS webhook fields (From, Body, NumMedia, MediaUrlN, MediaContentTypeN). */
export function normaliseSms(payload: Record<string, unknown>): InboundMessage {
  const phone = normalizePhone(str(payload.From) ?? '');
  if (!phone) throw new UnusablePayloadError('gönderen telefon numarası okunamadı');
  const count = Number(payload.NumMedia ?? 0) || 0;
  const media = Array.from({ length: Math.min(count, 10) }, (_, i) => ({
    url: str(payload[`MediaUrl${i}`]) ?? undefined,
    contentType: str(payload[`MediaContentType${i}`]) ?? undefined,
  }));
  return requireContent({ identity: { kind: IdentityKind.Phone, value: phone }, phone, text: str(payload.Body) ?? '', media });
}
