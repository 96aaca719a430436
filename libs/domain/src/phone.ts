import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * E.164 for any common Turkish spelling ("0532 123 45 67", "532-123-4567", "+90 (532) ...",
 * "0090532...") and for foreign numbers written with their country code; null when invalid.
 */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'TR');
  return parsed?.isValid() ? parsed.number : null;
}

/** "+90 5** *** ** 67": enough for staff to recognise a number, not to dial it. */
export function maskPhone(e164: string | null): string | null {
  if (!e164) return null;
  if (e164.startsWith('+90') && e164.length === 13) return `+90 ${e164[3]}** *** ** ${e164.slice(-2)}`;
  return `${e164.slice(0, 3)}${'*'.repeat(Math.max(0, e164.length - 5))}${e164.slice(-2)}`;
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  return `${local[0]}***@${domain}`;
}
