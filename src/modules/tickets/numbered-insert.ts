import { EntityManager } from 'typeorm';
import { queryPrepared } from '@app/database';
import { TicketFollowers, TRACKING_NO_SLOT } from '@app/domain';
import { Ticket } from './ticket.entity';
import { TicketEvent } from './ticket-event.entity';
import { TimelineEntry } from './timeline';

/** A ticket ready to be numbered: every column but the number, its search text and its first timeline entries. */
export interface NumberedTicketRow {
  ticket: Ticket;
  searchTextAfterNumber: string;
  entries: TimelineEntry[];
}

/**
 * A timeline entry written by the same statement on any ticket (a new one or one already in
 * the database), its TRACKING_NO_SLOT taking the number of `numberedBy`, one of the new tickets:
 * "a new ticket looks like this one", on both sides of a duplicate. Written after the new
 * tickets' own entries.
 */
export interface LinkedEntry {
  ticketId: string;
  numberedBy: string;
  entry: TimelineEntry;
}

/**
 * Takes the year's next tracking numbers, inserts the tickets under them (in the given order)
 * and writes their first timeline entries — one statement for the whole list. Gap-free
 * numbering needs the year's counter row locked until the transaction commits, so every
 * ticket-creating transaction queues on that lock; taking it in the transaction's last
 * statements keeps the queue short. Everything that can (citizen, duplicates, routing plan)
 * must run before this; what needs the numbers comes along as `followers` and `linked` entries.
 * Returns the tracking numbers, in the order given.
 */
export async function insertNumberedTickets(
  manager: EntityManager,
  rows: NumberedTicketRow[],
  year: number,
  followers: TicketFollowers[] = [],
  linked: LinkedEntry[] = [],
): Promise<string[]> {
  if (!rows.length) return [];
  const metadata = manager.connection.getMetadata(Ticket).columns.filter((column) => !['trackingNo', 'searchText'].includes(column.propertyName));
  const columns = metadata.map((column) => column.databaseName);
  const tickets = rows.map(({ ticket }) =>
    Object.fromEntries(metadata.map((column) => [column.databaseName, (ticket as unknown as Record<string, unknown>)[column.propertyName] ?? null])),
  );
  const entries = [
    ...rows.flatMap(({ ticket, entries: list }, n) => list.map((entry, ord) => eventRow(ticket.id, ticket.id, n, entry, ord))),
    ...linked.map(({ ticketId, numberedBy, entry }, k) => eventRow(ticketId, numberedBy, rows.length + k, entry, 0)),
  ];
  const list = columns.map((c) => `"${c}"`).join(', ');
  const eventTable = manager.connection.getMetadata(TicketEvent).tableName;
  const following = followers.filter((f) => f.rows.length > 0);
  const followerSteps = following.map((f, k) => {
    const columns = Object.keys(f.rows[0]);
    const values = columns.map((c) => (f.numbered.includes(c) ? `replace(x."${c}", '${TRACKING_NO_SLOT}', t.tracking_no)` : `x."${c}"`));
    return `, f${k} AS (
       INSERT INTO "${f.table}" (${columns.map((c) => `"${c}"`).join(', ')})
       SELECT ${values.join(', ')} FROM jsonb_populate_recordset(NULL::"${f.table}", $${6 + k}::jsonb) AS x JOIN t ON t.id = x.ticket_id
     )`;
  });
  const inserted = await queryPrepared<{ id: string; tracking_no: string }[]>(
    manager,
    `WITH n AS (
       INSERT INTO ticket_sequences (year, last_value) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_value = ticket_sequences.last_value + $2
       RETURNING last_value
     ), input AS (
       SELECT x.*, n.last_value - $2 + x.ordinality AS number
         FROM jsonb_populate_recordset(NULL::tickets, $3::jsonb) WITH ORDINALITY AS x CROSS JOIN n
     ), numbered AS (
       SELECT input.*, $1::int::text || '-' || lpad(number::text, greatest(6, length(number::text)), '0') AS no, s.search
         FROM input JOIN unnest($4::text[]) WITH ORDINALITY AS s(search, ord) ON s.ord = input.ordinality
     ), t AS (
       INSERT INTO tickets (${list}, tracking_no, search_text)
       SELECT ${list}, no, no || ' ' || search FROM numbered ORDER BY ordinality
       RETURNING id, tracking_no
     ), e AS (
       INSERT INTO ${eventTable} (ticket_id, type, actor_id, actor_name, body, data)
       SELECT x.ticket_id, x.type::ticket_event_type, x.actor_id, x.actor_name,
              replace(x.body, '${TRACKING_NO_SLOT}', t.tracking_no), replace(x.data::text, '${TRACKING_NO_SLOT}', t.tracking_no)::jsonb
         FROM jsonb_to_recordset($5::jsonb) AS x(ticket_id uuid, numbered_by uuid, n int, ord int, type text, actor_id uuid, actor_name text, body text, data jsonb)
         JOIN t ON t.id = x.numbered_by
        ORDER BY x.n, x.ord
     )${followerSteps.join('')}
     SELECT id, tracking_no FROM t`,
    [
      year,
      rows.length,
      JSON.stringify(tickets),
      rows.map((r) => r.searchTextAfterNumber),
      JSON.stringify(entries),
      ...following.map((f) => JSON.stringify(f.rows)),
    ],
  );
  const numbers = new Map(inserted.map((r) => [r.id, r.tracking_no]));
  return rows.map(({ ticket }) => numbers.get(ticket.id)!);
}

function eventRow(ticketId: string, numberedBy: string, n: number, entry: TimelineEntry, ord: number) {
  return {
    ticket_id: ticketId,
    numbered_by: numberedBy,
    n,
    ord,
    type: entry.type,
    actor_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.fullName ?? null,
    body: entry.body ?? null,
    data: entry.data ?? {},
  };
}
