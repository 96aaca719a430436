import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessageSender, OutboundChannel, OutboundMessage, OutboundState, SenderRegistry, SendResult } from '../../notifications';
import { chatIdOf } from './whatsapp-recipient';
import { WwebjsSupervisor } from './wwebjs-supervisor.service';

/** How far back a sent message may be and still be taken for this attempt's. */
const FIND_SLACK_MS = 60_000;

/** Outbound WhatsApp through the hotline's whatsapp-web.js client; `message_ack` reports delivery. */
@Injectable()
export class WwebjsSender implements MessageSender, OnModuleInit {
  readonly channel = OutboundChannel.Whatsapp;
  readonly provider = 'wwebjs';
  readonly safeToResend = false;

  constructor(
    private readonly registry: SenderRegistry,
    private readonly supervisor: WwebjsSupervisor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const sent = await this.supervisor.readyClient().sendMessage(chatIdOf(message), message.body);
    return { providerId: sent.id._serialized, state: OutboundState.Sent };
  }

  /** The chat keeps what we sent: our message with this text since the attempt began is this one. */
  async findSent(message: OutboundMessage): Promise<string | null> {
    const chat = await this.supervisor.readyClient().getChatById(chatIdOf(message));
    const recent = await chat.fetchMessages({ limit: 20, fromMe: true });
    const since = (message.updatedAt.getTime() - FIND_SLACK_MS) / 1000;
    return recent.find((m) => m.fromMe && m.body === message.body && m.timestamp >= since)?.id._serialized ?? null;
  }
}
