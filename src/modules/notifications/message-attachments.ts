import { OutboundMessage } from './outbound-message.entity';

/** The stored files (media ids) an outbound message carries, from its `meta.attachments`. */
export function attachmentIdsOf(message: Pick<OutboundMessage, 'meta'>): string[] {
  const ids = message.meta?.attachments;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
