import { normalizePhone } from '../../citizens/phone';
import { IdentityKind } from '../../citizens/channel-identity.entity';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

/** The public web form: name, phone and/or e-mail, text, optional category, mahalle, location. */
export function normaliseWebForm(payload: Record<string, unknown>): InboundMessage {
  const phone = str(payload.phone) ? normalizePhone(String(payload.phone)) : null;
  const email = str(payload.email)?.toLowerCase() ?? null;
  if (str(payload.phone) && !phone) throw new UnusablePayloadError('telefon numarası geçersiz');
  if (!phone && !email) throw new UnusablePayloadError('telefon veya e-posta gerekli');
  const lat = Number(payload.latitude);
  const lng = Number(payload.longitude);
  return requireContent({
    identity: phone ? { kind: IdentityKind.Phone, value: phone } : { kind: IdentityKind.Email, value: email! },
    phone,
    email,
    name: str(payload.fullName),
    subject: str(payload.subject),
    text: str(payload.text) ?? '',
    media: [],
    location: Number.isFinite(lat) && Number.isFinite(lng) && payload.latitude != null ? { latitude: lat, longitude: lng } : null,
    categoryHint: str(payload.categoryId),
    mahalleHint: str(payload.mahalleId),
  });
}
