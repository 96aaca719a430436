import { SelectQueryBuilder } from 'typeorm';
import { foldTurkish } from '@app/common';
import { departmentScope, normalizePhone, StaffPrincipal, TicketKind } from '@app/domain';
import { isValidTcKimlik } from '../citizens';
import { Ticket } from './ticket.entity';

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

/** The citizens a phone, e-mail or T.C. number names (CitizensService.idsMatching). */
export type CitizenMatcher = (term: { phone?: string; email?: string; tcKimlikNo?: string }) => Promise<string[]>;

/**
 * The search box on the ticket list. Words match the folded search text (an ihbar's informant's
 * name is never in it); a tracking number matches exactly; a phone, e-mail or T.C. number matches
 * the contact the application gave and, for the roles that see citizens' records, the citizen's
 * identities — but never an ihbar's informant, for anyone. The caller's scope is applied apart.
 */
export async function applySearch(
  qb: SelectQueryBuilder<Ticket>,
  user: StaffPrincipal,
  q: string,
  citizensMatching: CitizenMatcher,
): Promise<SearchTerm['kind']> {
  const term = parseSearch(q, isValidTcKimlik);
  if (term.kind === 'text') {
    qb.andWhere('t.search_text LIKE :q', { q: `%${escapeLike(term.folded)}%` });
    return term.kind;
  }
  if (term.kind === 'tracking') {
    qb.andWhere('t.tracking_no = :trackingNo', { trackingNo: term.trackingNo });
    return term.kind;
  }
  qb.andWhere('t.kind <> :informantKind', { informantKind: TicketKind.Ihbar });
  // A department knows a citizen by what its applications gave, not by the citizen's record.
  const department = departmentScope(user) !== undefined;
  const contact = term.kind === 'phone' ? 't.contact_phone = :contact' : term.kind === 'email' ? 'lower(t.contact_email) = :contact' : null;
  const value = term.kind === 'phone' ? term.phone : term.kind === 'email' ? term.email : null;
  const citizenIds =
    term.kind === 'tcKimlik' || !department
      ? await citizensMatching(term.kind === 'phone' ? { phone: term.phone } : term.kind === 'email' ? { email: term.email } : { tcKimlikNo: term.tcKimlikNo })
      : [];
  const matches = [contact, citizenIds.length ? 't.citizen_id IN (:...citizenIds)' : null].filter(Boolean);
  qb.andWhere(matches.length ? `(${matches.join(' OR ')})` : 'false', { contact: value, citizenIds });
  return term.kind;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
