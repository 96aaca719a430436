/** A table's rows that belong to a citizen, in one of an erasure's two phases. */
export interface RowScope {
  /** The primary key the rows are rewritten by. */
  key: string;
  /** Rows hanging on the tickets being anonymised: `$1` is their ids. */
  tickets?: string;
  /** Rows of the citizen themself, not of a ticket: `$1` is the citizen's id, or their phone numbers where `byPhone`. */
  citizen?: string;
  byPhone?: true;
}

const OF_TICKETS = 'ticket_id = ANY($1::uuid[])';

/**
 * Where each table keeps a citizen's rows. The inventory says which columns are personal and
 * what erasure does to them; this says which rows are whose. A table with personal columns of
 * citizens and no entry here fails the inventory test.
 */
export const CITIZEN_ROWS: Readonly<Record<string, RowScope>> = {
  tickets: { key: 'id', tickets: 'id = ANY($1::uuid[])' },
  ticket_events: { key: 'id', tickets: OF_TICKETS },
  ticket_surveys: { key: 'id', tickets: OF_TICKETS },
  staff_notifications: { key: 'id', tickets: OF_TICKETS },
  inbound_events: { key: 'id', tickets: OF_TICKETS },
  media_files: { key: 'id', tickets: OF_TICKETS },
  whatsapp_media_fetches: { key: 'id', tickets: OF_TICKETS },
  information_objections: { key: 'id', tickets: OF_TICKETS },
  cimer_answers: { key: 'id', tickets: OF_TICKETS },
  outbound_messages: { key: 'id', tickets: OF_TICKETS, citizen: 'citizen_id = $1' },
  appointments: { key: 'id', tickets: OF_TICKETS, citizen: 'citizen_id = $1' },
  call_logs: { key: 'id', tickets: OF_TICKETS, citizen: 'from_number = ANY($1::text[])', byPhone: true },
  citizens: { key: 'id', citizen: 'id = $1' },
  citizen_identities: { key: 'id', citizen: 'citizen_id = $1' },
};
