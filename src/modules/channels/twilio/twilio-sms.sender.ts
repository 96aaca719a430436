import { Injectable, OnModuleInit } from '@nestjs/common';
import { Twilio } from 'twilio';
import { AppConfig } from '@app/config';
import { MessageSender, OutboundChannel, OutboundMessage, OutboundState, PermanentSendError, SenderRegistry, SendResult } from '../../notifications';
import { OutboundAttachments } from '../outbound-attachments';
import { twilioClient } from './twilio-client';

// Twilio error codes that no retry can fix: invalid or unreachable number, opted out, not SMS-capable.
const PERMANENT = new Set([21211, 21214, 21408, 21610, 21612, 21614]);

/** Outbound SMS through the Twilio REST API; delivery comes back on the status callback. */
@Injectable()
export class TwilioSmsSender implements MessageSender, OnModuleInit {
  readonly channel = OutboundChannel.Sms;
  readonly provider = 'twilio';
  readonly safeToResend = false;
  private readonly client: Twilio | null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SenderRegistry,
    private readonly attachments: OutboundAttachments,
  ) {
    this.client = twilioClient(config);
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const from = this.config.TWILIO_SMS_FROM!;
    // An SMS carries no file: the citizen, who has no login, gets a signed link that expires.
    const body = await this.attachments.textWithLinks(message);
    try {
      const sent = await this.api().messages.create({
        to: message.recipient,
        body,
        ...(from.startsWith('MG') ? { messagingServiceSid: from } : { from }),
        statusCallback: `${this.config.PUBLIC_URL}/api/v1/channels/twilio/sms-status?m=${message.id}`,
      });
      return { providerId: sent.sid, state: sent.status === 'delivered' ? OutboundState.Delivered : OutboundState.Sent };
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code && PERMANENT.has(code)) throw new PermanentSendError(`Twilio ${code}: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Twilio keeps every message: one to this number with this text since the attempt began is ours. */
  async findSent(message: OutboundMessage): Promise<string | null> {
    const since = new Date(message.updatedAt.getTime() - 60_000);
    const recent = await this.api().messages.list({ to: message.recipient, dateSentAfter: since, limit: 50 });
    const body = await this.attachments.textWithLinks(message);
    return recent.find((m) => m.body === body)?.sid ?? null;
  }

  private api(): Twilio {
    if (!this.client) throw new PermanentSendError('Twilio hesabı yapılandırılmamış (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)');
    return this.client;
  }
}
