import { EntityManager } from 'typeorm';
import { EmailMeta } from './outbound-mail';

/**
 * The threading fields for an e-mail to the citizen about `ticketId`: In-Reply-To their last
 * mail on it, and the References chain so far. Empty when the citizen never wrote by e-mail.
 */
export async function emailReplyMeta(manager: EntityManager, ticketId: string): Promise<Pick<EmailMeta, 'inReplyTo' | 'references'>> {
  const [last]: { message_id: string | null; references: string[] | null }[] = await manager.query(
    `SELECT payload->>'messageId' AS message_id, payload->'references' AS references
       FROM inbound_events
      WHERE ticket_id = $1 AND channel = 'email' AND state = 'processed' AND payload->>'messageId' IS NOT NULL
      ORDER BY received_at DESC LIMIT 1`,
    [ticketId],
  );
  if (!last?.message_id) return {};
  const references = [...(last.references ?? []).filter((r) => r !== last.message_id), last.message_id].slice(-20);
  return { inReplyTo: last.message_id, references };
}
