import { afterCursor, encodeCursor, MALFORMED_CURSOR, readCursor, TicketCursor } from './ticket-cursor';
import { orderOf, TicketSort } from './ticket-sorts';

const ID = '0b6f6d2e-8a7c-4f3e-9d1a-2c5b7e9f0a13';
const raw = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const read = (text: string, sort: TicketSort) => readCursor(text, sort, orderOf(sort));

describe('ticket list cursor', () => {
  it.each<TicketCursor>([
    { sort: '-updatedAt', value: '2026-12-06T10:25:00.123456Z', id: ID },
    { sort: 'createdAt', value: '2021-01-01T00:00:00.000000Z', id: ID },
    { sort: 'resolutionDueAt', value: null, id: ID },
    { sort: '-resolutionDueAt', value: '2026-02-28T23:59:59.999999Z', id: ID },
    { sort: 'status', value: 'in_progress', id: ID },
    { sort: '-priority', value: 'urgent', id: ID },
    // Ids of any version, and 128 bits outside RFC 9562 that a uuid column holds all the same (imported, or hashed as the scale bench's).
    { sort: '-createdAt', value: '2026-12-06T10:25:00.123456Z', id: '01a24d14-e44c-7807-8c14-1b2cdda99066' },
    { sort: 'status', value: 'assigned', id: 'abbe8a96-3602-ba71-5684-6978cf1f2bd5' },
  ])('reads back what it wrote: %j', (cursor) => {
    expect(read(encodeCursor(cursor), cursor.sort)).toEqual({ cursor });
  });

  it.each<[string, TicketSort, string]>([
    ['not base64url', '-createdAt', 'a+b/c='],
    ['not JSON', '-createdAt', Buffer.from('{nope').toString('base64url')],
    ['not a list of three', '-createdAt', raw({ sort: '-createdAt', value: '2026-12-06T10:25:00.123456Z', id: ID })],
    ['an unknown sort', '-createdAt', raw(['name', 'x', ID])],
    ['an id that is no uuid', '-createdAt', raw(['-createdAt', '2026-12-06T10:25:00.123456Z', '1 OR 1=1'])],
    ['a time in milliseconds', '-createdAt', raw(['-createdAt', '2026-12-06T10:25:00.123Z', ID])],
    ['a day that does not exist', '-createdAt', raw(['-createdAt', '2026-02-30T10:25:00.123456Z', ID])],
    ['SQL for a time', '-createdAt', raw(['-createdAt', "now()'; DROP TABLE tickets; --", ID])],
    ['a null where the column has none', '-createdAt', raw(['-createdAt', null, ID])],
    ['a number for a time', 'createdAt', raw(['createdAt', 1733480700000, ID])],
    ['a status that does not exist', 'status', raw(['status', 'lost', ID])],
    ['empty', '-createdAt', ''],
  ])('refuses %s', (_case, sort, text) => {
    expect(read(text, sort)).toEqual({ problem: MALFORMED_CURSOR });
  });

  it("refuses another sort's cursor, naming both sorts", () => {
    const cursor = encodeCursor({ sort: '-createdAt', value: '2026-12-06T10:25:00.123456Z', id: ID });
    expect(read(cursor, '-updatedAt')).toEqual({ problem: expect.stringMatching(/^after: .*sort=-createdAt.*sort=-updatedAt/) });
  });

  it.each<[TicketSort, string | null, string]>([
    ['-createdAt', '2026-12-06T10:25:00.123456Z', '(t.created_at, t.id) < (:cursorValue, :cursorId)'],
    ['updatedAt', '2026-12-06T10:25:00.123456Z', '(t.updated_at, t.id) > (:cursorValue, :cursorId)'],
    ['-status', 'new', '(t.status, t.id) < (:cursorValue, :cursorId)'],
    // The due date sorts its nulls last either way: they follow every dated row.
    ['resolutionDueAt', '2026-12-06T10:25:00.123456Z', '((t.resolution_due_at, t.id) > (:cursorValue, :cursorId) OR t.resolution_due_at IS NULL)'],
    ['-resolutionDueAt', '2026-12-06T10:25:00.123456Z', '((t.resolution_due_at, t.id) < (:cursorValue, :cursorId) OR t.resolution_due_at IS NULL)'],
    ['resolutionDueAt', null, '(t.resolution_due_at IS NULL AND t.id > :cursorId)'],
    ['-resolutionDueAt', null, '(t.resolution_due_at IS NULL AND t.id < :cursorId)'],
  ])('pages %s after %j with %s', (sort, value, sql) => {
    expect(afterCursor(orderOf(sort), { sort, value, id: ID })).toEqual([sql, { cursorValue: value, cursorId: ID }]);
  });
});
