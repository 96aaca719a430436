import { foldTurkish } from '@app/common';

/** What stands where a person's value was. */
export const REDACTED = '***';

/** The values that identify one citizen, as they were given anywhere. */
export interface PersonValues {
  names: string[];
  phones: string[];
  emails: string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Eleven digits standing alone: a T.C. Kimlik number (we hold only its keyed hash, so any is taken out).
const ELEVEN_DIGITS = /(?<!\d)[1-9]\d{10}(?!\d)/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The patterns that find a person in free text: each name written as given, in Turkish lower
 * and upper case and folded to ASCII (the search key), as a whole word; each phone's ten digits
 * with any spacing, with or without 0, +90 or 90 before them; each e-mail address, any e-mail
 * address and any eleven-digit number.
 */
export function matchersFor(person: PersonValues): RegExp[] {
  const words = new Set<string>();
  for (const name of person.names) {
    for (const part of [name, ...name.split(/\s+/)].map((p) => p.trim()).filter((p) => p.length >= 3)) {
      for (const form of [part, part.toLocaleLowerCase('tr-TR'), part.toLocaleUpperCase('tr-TR'), foldTurkish(part)]) words.add(form);
    }
  }
  const names = [...words].sort((a, b) => b.length - a.length).map(escape);
  // E-mail addresses first: a name inside one would otherwise leave the rest of it behind.
  const matchers = [...person.emails.map((email) => new RegExp(escape(email), 'gi')), EMAIL];
  for (const phone of person.phones) {
    const national = phone.replace(/\D/g, '').replace(/^(90|0)(?=\d{10}$)/, '');
    if (national.length < 7) continue;
    const spaced = [...national].map(escape).join('[\\s().-]*');
    matchers.push(new RegExp(`(?:\\+\\s*9\\s*0[\\s().-]*|9\\s*0[\\s().-]*|0[\\s().-]*)?${spaced}(?!\\d)`, 'g'));
  }
  if (names.length) matchers.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
  return [...matchers, ELEVEN_DIGITS];
}

export function redactText(text: string, matchers: RegExp[]): string {
  return matchers.reduce((out, matcher) => out.replace(matcher, REDACTED), text);
}

/** Redacts every string in a JSON value (keys stay), so the document stays valid JSON. */
export function redactJson(value: unknown, matchers: RegExp[]): unknown {
  if (typeof value === 'string') return redactText(value, matchers);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, matchers));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, matchers)]));
  return value;
}
