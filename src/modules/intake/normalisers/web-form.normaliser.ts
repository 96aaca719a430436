import { UUID_TEXT } from '@app/common';
import { IdentityKind, normalizePhone, TicketKind } from '@app/domain';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

const uuidOrNull = (value: unknown) => (typeof value === 'string' && UUID_TEXT.test(value) ? value : null);
const KINDS = new Set<string>(Object.values(TicketKind));

/**
 * The public web form: name, phone and/or e-mail, text, kind, optional category, mahalle,
 * address, location, the photos MediaStore kept (`media`: StoredMedia[]) and the KVKK consent.
 */
export function normaliseWebForm(payload: Record<string, unknown>): InboundMessage {
  const phone = str(payload.phone) ? normalizePhone(String(payload.phone)) : null;
  const email = str(payload.email)?.toLowerCase() ?? null;
  if (str(payload.phone) && !phone) throw new UnusablePayloadError('telefon numarası geçersiz');
  if (!phone && !email) throw new UnusablePayloadError('telefon veya e-posta gerekli');
  const lat = Number(payload.latitude);
  const lng = Number(payload.longitude);
  const media = Array.isArray(payload.media) ? (payload.media as Record<string, unknown>[]) : [];
  const kind = str(payload.kind);
  return requireContent({
    identity: phone ? { kind: IdentityKind.Phone, value: phone } : { kind: IdentityKind.Email, value: email! },
    phone,
    email,
    name: str(payload.fullName),
    subject: str(payload.subject),
    text: str(payload.text) ?? '',
    media: media.slice(0, 10).map((m) => ({
      url: str(m.url) ?? undefined,
      contentType: str(m.contentType) ?? undefined,
      filename: str(m.filename) ?? undefined,
      size: Number(m.size) || undefined,
    })),
    location: Number.isFinite(lat) && Number.isFinite(lng) && payload.latitude != null ? { latitude: lat, longitude: lng } : null,
    categoryHint: uuidOrNull(payload.categoryId),
    mahalleHint: uuidOrNull(payload.mahalleId),
    attributes: attributesOf(payload.attributes),
    kindHint: kind && KINDS.has(kind) ? (kind as TicketKind) : null,
    address: str(payload.address),
    contactConsent: payload.kvkkConsent === true,
    startsTicket: true,
  });
}

/** The category's fields as the adapter checked them: text, numbers or lists of keys. */
export function attributesOf(value: unknown): Record<string, string | number | string[]> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const kept = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
  );
  return kept.length ? (Object.fromEntries(kept) as Record<string, string | number | string[]>) : null;
}
