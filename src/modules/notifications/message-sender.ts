import { OutboundChannel, OutboundMessage, OutboundState } from './outbound-message.entity';

export interface SendResult {
  providerId: string;
  /** What the provider said at once (Twilio: queued → we record sent); delivered only if it knows. */
  state?: OutboundState.Sent | OutboundState.Delivered;
}

/** A provider's refusal that retrying cannot fix (an invalid number, a blocked recipient). */
export class PermanentSendError extends Error {}

/**
 * One provider of one outbound channel. Channel adapters register theirs with the
 * `SenderRegistry`; configuration picks which one a channel uses.
 */
export interface MessageSender {
  readonly channel: OutboundChannel;
  /** The name configuration uses: local, twilio, smtp, wwebjs, cloud-api. */
  readonly provider: string;
  /**
   * True when calling `send` again for a message the provider may already have cannot reach the
   * recipient twice (e-mail with a stable Message-ID, the local default).
   */
  readonly safeToResend: boolean;
  send(message: OutboundMessage): Promise<SendResult>;
  /** After an attempt stopped mid-call: the provider's id when it has this message already. */
  findSent?(message: OutboundMessage): Promise<string | null>;
}
