import { OutboundMessage } from '../../notifications';

/** The chat an outbound message goes to: `meta.chatId` when intake knew it, else the recipient's number. */
export function chatIdOf(message: Pick<OutboundMessage, 'recipient' | 'meta'>): string {
  const chatId = message.meta?.chatId;
  if (typeof chatId === 'string' && chatId.includes('@')) return chatId;
  return message.recipient.includes('@') ? message.recipient : `${message.recipient.replace(/\D/g, '')}@c.us`;
}

/** The digits the Cloud API calls wa_id ("905321234567"); null for a privacy id (…@lid) that has none. */
export function waIdOf(message: Pick<OutboundMessage, 'recipient' | 'meta'>): string | null {
  const chatId = chatIdOf(message);
  return chatId.endsWith('@c.us') ? chatId.slice(0, -'@c.us'.length) : null;
}
