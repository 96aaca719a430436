import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random
 * (74 bits). Ids made later sort after earlier ones, so a row inserted now goes to the right-hand
 * edge of its primary-key index, which stays in memory, rather than to a random leaf of an index of
 * millions of rows, which a busy database must first read from disk. The database's own default for
 * the same ids is `uuid_v7()` (migration 1796750000000); both may write to one table.
 */
export function timeOrderedId(at: number = Date.now()): string {
  const time = Math.floor(at).toString(16).padStart(12, '0');
  const random = randomUUID(); // its variant bits are already RFC 9562's; its version digit (index 14) is replaced
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
