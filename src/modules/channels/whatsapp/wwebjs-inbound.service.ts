import { Injectable, Logger } from '@nestjs/common';
import type { Chat, Message } from 'whatsapp-web.js';
import { IntakeService } from '../../intake';
import { MediaStore } from '../../media';
import { saveWhatsappMedia, WhatsappMediaOutcome } from './whatsapp-media';
import { WhatsappClient } from './wwebjs-client.factory';
import { isCitizenMessage, serialiseWwebjsMessage } from './wwebjs-message';

/**
 * Hands citizens' WhatsApp messages to intake, with their files saved. The message id is the
 * provider id, so a message seen twice (live and again in the unread sweep) is stored once.
 */
@Injectable()
export class WwebjsInbound {
  private readonly logger = new Logger(WwebjsInbound.name);

  constructor(
    private readonly intake: IntakeService,
    private readonly media: MediaStore,
  ) {}

  async receive(client: WhatsappClient, message: Message): Promise<void> {
    if (!isCitizenMessage(message)) return;
    const id = message.id._serialized;
    if (!(await this.intake.known('whatsapp', id))) {
      const payload = serialiseWwebjsMessage(message);
      if (message.hasMedia) Object.assign(payload, await this.download(message));
      await this.intake.receive('whatsapp', id, payload);
    }
    // Read receipts tell the citizen it arrived, and keep the unread sweep down to what we lack.
    await client.sendSeen(message.from).catch(() => false);
  }

  /** Messages that came while the client was down are waiting unread in their chats. */
  async sweep(client: WhatsappClient): Promise<number> {
    const chats: Chat[] = await client.getChats();
    let seen = 0;
    for (const chat of chats.filter((c) => !c.isGroup && c.unreadCount > 0)) {
      const messages = await chat.fetchMessages({ limit: chat.unreadCount });
      for (const message of messages) {
        await this.receive(client, message);
        seen += 1;
      }
    }
    if (seen) this.logger.log({ msg: 'unread WhatsApp messages swept', count: seen });
    return seen;
  }

  private async download(message: Message): Promise<WhatsappMediaOutcome> {
    // The phone may have deleted the file already: the message is kept, noting it.
    const file = await message.downloadMedia().catch(() => undefined);
    if (!file?.data) return { mediaRefused: "dosya WhatsApp'tan indirilemedi" };
    return saveWhatsappMedia(this.media, Buffer.from(file.data, 'base64'), file.filename);
  }
}
