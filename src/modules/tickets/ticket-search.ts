import { normalizePhone } from '@app/domain';
import { foldTurkish } from '@app/common';

/** What the one search box was given: a ticket's number, a way to reach a person, or words. */
export type SearchTerm =
  | { kind: 'tracking'; trackingNo: string }
  | { kind: 'email'; email: string }
  | { kind: 'tcKimlik'; tcKimlikNo: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'text'; folded: string };

const TRACKING_NO = /^\d{4}-\d{1,8}$/;
const PHONE_CHARACTERS = /^[\d\s+()\-./]+$/;

/**
 * Reads the search box: `2026-000123` is a tracking number; anything with `@` an e-mail; eleven
 * digits passing the T.C. checksum a T.C. Kimlik number; a phone in any spelling (`0532 123 45 67`,
 * `5321234567`, `+90 532…`, `(532) 123-4567`) its E.164 form, as intake stores it; the rest words,
 * folded as the search text is.
 */
export function parseSearch(q: string, isValidTcKimlik: (value: string) => boolean): SearchTerm {
  const text = q.trim();
  if (TRACKING_NO.test(text)) return { kind: 'tracking', trackingNo: text };
  if (text.includes('@')) return { kind: 'email', email: text.toLowerCase() };
  if (/^\d{11}$/.test(text) && isValidTcKimlik(text)) return { kind: 'tcKimlik', tcKimlikNo: text };
  if (PHONE_CHARACTERS.test(text) && (text.match(/\d/g)?.length ?? 0) >= 10) {
    const phone = normalizePhone(text);
    if (phone) return { kind: 'phone', phone };
  }
  return { kind: 'text', folded: foldTurkish(text) };
}
