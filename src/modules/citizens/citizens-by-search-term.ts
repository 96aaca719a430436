import { EntityManager } from 'typeorm';
import { IdentityKind } from '@app/domain';
import { citizensOfIdentities } from './citizens-by-identity';
import { hashTcKimlik, isValidTcKimlik } from './tc-kimlik';

export interface SearchTerm {
  phone?: string;
  email?: string;
  tcKimlikNo?: string;
}

/**
 * The citizens a search term names (the ticket list's search box): by a phone (E.164, also as a
 * WhatsApp chat), an e-mail (case-insensitive) or a T.C. Kimlik number (by its keyed hash; a
 * number failing the checksum names no one). Few rows: each is an index look-up.
 */
export async function citizenIdsMatching(manager: EntityManager, term: SearchTerm, hashSecret: string): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: Iterable<{ id: string }>) => [...rows].forEach((r) => ids.add(r.id));
  if (term.phone) {
    const digits = term.phone.replace(/\D/g, '');
    const identities = [
      { kind: IdentityKind.Phone, value: term.phone },
      { kind: IdentityKind.Whatsapp, value: `${digits}@c.us` },
      { kind: IdentityKind.Whatsapp, value: digits },
    ];
    add(await manager.query(`SELECT id FROM citizens WHERE phone = $1`, [term.phone]));
    add((await citizensOfIdentities(manager, identities)).values());
  }
  if (term.email) {
    const email = term.email.toLowerCase();
    add(await manager.query(`SELECT id FROM citizens WHERE email = $1`, [email]));
    add((await citizensOfIdentities(manager, [{ kind: IdentityKind.Email, value: email }])).values());
  }
  if (term.tcKimlikNo && isValidTcKimlik(term.tcKimlikNo)) {
    add(await manager.query(`SELECT id FROM citizens WHERE tc_kimlik_hash = $1`, [hashTcKimlik(term.tcKimlikNo, hashSecret)]));
  }
  return [...ids];
}
