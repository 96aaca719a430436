import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MessageSender } from './message-sender';
import { OutboundChannel } from './outbound-message.entity';

const SETTING: Record<OutboundChannel, 'SMS_PROVIDER' | 'EMAIL_PROVIDER' | 'WHATSAPP_PROVIDER'> = {
  [OutboundChannel.Sms]: 'SMS_PROVIDER',
  [OutboundChannel.Email]: 'EMAIL_PROVIDER',
  [OutboundChannel.Whatsapp]: 'WHATSAPP_PROVIDER',
};

/**
 * Every sender the channel adapters registered, by channel and provider name; configuration
 * picks one per channel. Boot stops when a configured provider has no adapter.
 */
@Injectable()
export class SenderRegistry implements OnApplicationBootstrap {
  private readonly senders = new Map<string, MessageSender>();

  constructor(private readonly config: AppConfig) {}

  register(sender: MessageSender): void {
    const key = `${sender.channel}/${sender.provider}`;
    if (this.senders.has(key)) throw new Error(`two senders registered for ${key}`);
    this.senders.set(key, sender);
  }

  /** The configured sender of `channel`. */
  for(channel: OutboundChannel): MessageSender {
    const provider = this.config[SETTING[channel]];
    const sender = this.senders.get(`${channel}/${provider}`);
    if (!sender) throw new Error(`${SETTING[channel]}=${provider}: no such ${channel} sender`);
    return sender;
  }

  onApplicationBootstrap(): void {
    Object.values(OutboundChannel).forEach((channel) => this.for(channel));
  }
}
