import { EntityManager } from 'typeorm';
import { Ticket } from './ticket.entity';
import { TicketEvent } from './ticket-event.entity';
import { TimelineEntry, TRACKING_NO_SLOT } from './timeline';

/**
 * Takes the year's next tracking number, inserts the ticket under it and writes its first
 * timeline entries — one statement. Gap-free numbering needs the year's counter row locked
 * until the transaction commits, so every ticket-creating transaction queues on that lock;
 * taking it in the transaction's last statement keeps the queue to a statement and a commit.
 * Everything that can (citizen, duplicates, routing plan) must run before this.
 */
export async function insertNumberedTicket(
  manager: EntityManager,
  ticket: Ticket,
  year: number,
  searchTextAfterNumber: string,
  entries: TimelineEntry[],
): Promise<string> {
  const columns = manager.connection
    .getMetadata(Ticket)
    .columns.filter((column) => !['trackingNo', 'searchText'].includes(column.propertyName));
  const params: unknown[] = [year, searchTextAfterNumber, JSON.stringify(entries.map((entry, ord) => eventRow(entry, ord)))];
  const values = columns.map((column) => {
    params.push((ticket as unknown as Record<string, unknown>)[column.propertyName] ?? null);
    return `$${params.length}`;
  });
  const eventTable = manager.connection.getMetadata(TicketEvent).tableName;
  const rows: { tracking_no: string }[] = await manager.query(
    `WITH n AS (
       INSERT INTO ticket_sequences (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = ticket_sequences.last_value + 1
       RETURNING $1::int::text || '-' || lpad(last_value::text, greatest(6, length(last_value::text)), '0') AS tracking_no
     ), t AS (
       INSERT INTO tickets (${columns.map((c) => `"${c.databaseName}"`).join(', ')}, tracking_no, search_text)
       VALUES (${values.join(', ')}, (SELECT tracking_no FROM n), (SELECT tracking_no FROM n) || ' ' || $2)
       RETURNING id, tracking_no
     ), e AS (
       INSERT INTO ${eventTable} (ticket_id, type, actor_id, actor_name, body, data)
       SELECT t.id, x.type::ticket_event_type, x.actor_id, x.actor_name,
              replace(x.body, '${TRACKING_NO_SLOT}', t.tracking_no), replace(x.data::text, '${TRACKING_NO_SLOT}', t.tracking_no)::jsonb
         FROM t CROSS JOIN jsonb_to_recordset($3::jsonb) AS x(ord int, type text, actor_id uuid, actor_name text, body text, data jsonb)
        ORDER BY x.ord
     )
     SELECT tracking_no FROM t`,
    params,
  );
  return rows[0].tracking_no;
}

function eventRow(entry: TimelineEntry, ord: number) {
  return { ord, type: entry.type, actor_id: entry.actor?.id ?? null, actor_name: entry.actor?.fullName ?? null, body: entry.body ?? null, data: entry.data ?? {} };
}
