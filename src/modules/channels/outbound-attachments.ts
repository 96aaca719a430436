import { Injectable } from '@nestjs/common';
import { MediaFile, MediaLinks, MediaStore } from '../media';
import { attachmentIdsOf, OutboundMessage } from '../notifications';

export interface AttachedFile {
  file: MediaFile;
  /** The name the citizen sees: the stored one, or one made from the type. */
  filename: string;
}

/**
 * The files an outbound message carries (ids in its meta), read when it is sent: as bytes for
 * e-mail and whatsapp-web.js, as signed, expiring links for SMS and the Cloud API, which fetches
 * a document from its link. Only files of the message's own ticket are ever sent.
 */
@Injectable()
export class OutboundAttachments {
  constructor(
    private readonly media: MediaStore,
    private readonly links: MediaLinks,
  ) {}

  async of(message: OutboundMessage): Promise<AttachedFile[]> {
    const files = await this.media.ofTicketByIds(message.ticketId, attachmentIdsOf(message));
    return files.map((file) => ({ file, filename: file.filename ?? `belge-${file.id.slice(0, 8)}.${file.contentType.split('/')[1]}` }));
  }

  read(attached: AttachedFile): Promise<Buffer> {
    return this.media.read(attached.file);
  }

  /**
   * The link to a file, valid from the instant the message may first go (on the app's clock;
   * quiet hours move it later), so a resend is the same text.
   */
  linkOf(message: OutboundMessage, attached: AttachedFile): string {
    return this.links.linkFor(attached.file.id, message.notBefore).url;
  }

  /** The message's text followed by a line per file with its link (SMS, a WhatsApp template). */
  async textWithLinks(message: OutboundMessage): Promise<string> {
    const attached = await this.of(message);
    if (!attached.length) return message.body;
    const lines = attached.map((a) => `${a.filename}: ${this.linkOf(message, a)}`);
    return `${message.body}\n\nEkler:\n${lines.join('\n')}`;
  }
}
