import { EntityManager } from 'typeorm';
import { EmailMeta } from './outbound-mail';

/**
 * The threading fields for an e-mail to the citizen about `ticketId`: In-Reply-To their latest
 * mail on its timeline, and the References chain so far. Empty when they never wrote by e-mail.
 */
export async function emailReplyMeta(manager: EntityManager, ticketId: string): Promise<Pick<EmailMeta, 'inReplyTo' | 'references'>> {
  const [last]: { message_id: string; references: string[] | null }[] = await manager.query(
    `SELECT e.payload->>'messageId' AS message_id, e.payload->'references' AS references
       FROM ticket_events te JOIN inbound_events e ON e.id::text = te.data->>'eventId'
      WHERE te.ticket_id = $1 AND te.type IN ('created', 'message_in') AND e.channel = 'email' AND e.payload->>'messageId' IS NOT NULL
      ORDER BY te.seq DESC LIMIT 1`,
    [ticketId],
  );
  if (!last) return {};
  const references = [...(last.references ?? []).filter((r) => r !== last.message_id), last.message_id].slice(-20);
  return { inReplyTo: last.message_id, references };
}
