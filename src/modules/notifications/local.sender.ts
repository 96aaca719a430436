import { MessageSender, SendResult } from './message-sender';
import { OutboundChannel, OutboundMessage, OutboundState } from './outbound-message.entity';

/**
 * The default of every channel when no provider account is configured: the message is not
 * sent anywhere, but its row in the outbox is marked sent and stays visible to admins.
 */
export class LocalSender implements MessageSender {
  readonly provider = 'local';
  readonly safeToResend = true;

  constructor(readonly channel: OutboundChannel) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    return { providerId: `local-${message.id}`, state: OutboundState.Sent };
  }
}
