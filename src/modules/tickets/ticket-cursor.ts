import { UUID_TEXT } from '@app/common';
import { isTicketSort, TicketOrder, TicketSort } from './ticket-sorts';

/**
 * Where the next page of the list starts: the sort it was made for, the last row's value of the
 * sort's column (a time as PostgreSQL keeps it, to the microsecond, which a JS Date would round)
 * and its id. It carries a position, never a right to see: the caller's scope and filters are
 * applied to every page as to the first.
 */
export interface TicketCursor {
  sort: TicketSort;
  value: string | null;
  id: string;
}

const BASE64URL = /^[A-Za-z0-9_-]{1,400}$/;
const TIME = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const MALFORMED_CURSOR = 'after: geçersiz devam noktası; bir önceki sayfanın nextCursor değeri olduğu gibi gönderilmelidir';

/** The cursor's text in the answer (`nextCursor`) and the request (`after`): opaque to clients. */
export function encodeCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/** A time as the cursor carries it, read in the same statement as the row (`to_char`, UTC). */
export function cursorValueSql(order: TicketOrder): string {
  return order.values === 'time' ? `to_char(${order.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `${order.column}::text`;
}

function isTime(value: string): boolean {
  const millis = `${value.slice(0, 23)}Z`;
  const date = new Date(millis);
  // A day that does not exist (the 30th of February) comes back as another.
  return TIME.test(value) && !Number.isNaN(date.getTime()) && date.toISOString() === millis;
}

function fits(value: unknown, order: TicketOrder): boolean {
  if (value === null) return order.nullable;
  if (typeof value !== 'string') return false;
  return order.values === 'time' ? isTime(value) : order.values.includes(value);
}

/** The cursor in `after`, or what is wrong with it (a `after: …` message, for a 400 naming the field). */
export function readCursor(text: string, sort: TicketSort, order: TicketOrder): { cursor: TicketCursor } | { problem: string } {
  let parts: unknown;
  try {
    parts = BASE64URL.test(text) ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) : null;
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !isTicketSort(parts[0])) return { problem: MALFORMED_CURSOR };
  const [made, value, id] = parts as [TicketSort, unknown, unknown];
  if (made !== sort)
    return { problem: `after: bu devam noktası sort=${made} sıralamasının; liste sort=${sort} ile istendi (sıralama değişince ilk sayfadan başlanır)` };
  if (typeof id !== 'string' || !UUID_TEXT.test(id) || !fits(value, order)) return { problem: MALFORMED_CURSOR };
  return { cursor: { sort, value: value as string | null, id } };
}

/**
 * The rows after the cursor in the list's order (`column direction NULLS LAST, id direction`): a row
 * comparison, which an index on (column, id) — or on the column alone, bounding the scan — serves.
 * The due date's nulls come after every dated row, in either direction.
 */
export function afterCursor(order: TicketOrder, cursor: TicketCursor): [string, Record<string, string | null>] {
  const { column } = order;
  const beyond = order.direction === 'ASC' ? '>' : '<';
  const params = { cursorValue: cursor.value, cursorId: cursor.id };
  if (cursor.value === null) return [`(${column} IS NULL AND t.id ${beyond} :cursorId)`, params];
  const after = `(${column}, t.id) ${beyond} (:cursorValue, :cursorId)`;
  return [order.nullable ? `(${after} OR ${column} IS NULL)` : after, params];
}
