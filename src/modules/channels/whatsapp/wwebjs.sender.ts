import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessageSender, OutboundChannel, OutboundMessage, OutboundState, SenderRegistry, SendResult } from '../../notifications';
import { OutboundAttachments } from '../outbound-attachments';
import { chatIdOf } from './whatsapp-recipient';
import { WwebjsSupervisor } from './wwebjs-supervisor.service';

/** How far back a sent message may be and still be taken for this attempt's. */
const FIND_SLACK_MS = 60_000;

/**
 * Outbound WhatsApp through the hotline's whatsapp-web.js client; `message_ack` reports delivery.
 * Files go as documents (`MessageMedia`, sent as a document so a scan is not recompressed as a
 * photo); the first carries the text as its caption, so text and file are one message.
 */
@Injectable()
export class WwebjsSender implements MessageSender, OnModuleInit {
  readonly channel = OutboundChannel.Whatsapp;
  readonly provider = 'wwebjs';
  readonly safeToResend = false;

  constructor(
    private readonly registry: SenderRegistry,
    private readonly supervisor: WwebjsSupervisor,
    private readonly attachments: OutboundAttachments,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const client = this.supervisor.readyClient();
    const files = await this.attachments.of(message);
    if (!files.length) {
      const sent = await client.sendMessage(chatIdOf(message), message.body);
      return { providerId: sent.id._serialized, state: OutboundState.Sent };
    }
    // Loaded only when a file is sent: the package pulls in puppeteer.
    const { MessageMedia } = await import('whatsapp-web.js');
    let first: string | null = null;
    for (const attached of files) {
      const data = (await this.attachments.read(attached)).toString('base64');
      const media = new MessageMedia(attached.file.contentType, data, attached.filename, attached.file.size);
      const options = { sendMediaAsDocument: true, ...(first ? {} : { caption: message.body }) };
      const sent = await client.sendMessage(chatIdOf(message), media, options);
      first ??= sent.id._serialized;
    }
    return { providerId: first!, state: OutboundState.Sent };
  }

  /** The chat keeps what we sent: our message with this text (or caption) since the attempt began is this one. */
  async findSent(message: OutboundMessage): Promise<string | null> {
    const chat = await this.supervisor.readyClient().getChatById(chatIdOf(message));
    const recent = await chat.fetchMessages({ limit: 20, fromMe: true });
    const since = (message.updatedAt.getTime() - FIND_SLACK_MS) / 1000;
    return recent.find((m) => m.fromMe && m.body === message.body && m.timestamp >= since)?.id._serialized ?? null;
  }
}
