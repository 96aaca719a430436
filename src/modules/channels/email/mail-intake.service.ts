import { Injectable } from '@nestjs/common';
import { Attachment, ParsedMail, simpleParser } from 'mailparser';
import { IntakeService, ReceiveResult } from '../../intake';
import { MediaRejectedException, MediaStore, StoredMedia } from '../../media';
import { headersOf, mailPayload, providerIdOf, SkippedAttachment } from './inbound-mail';

const MAX_ATTACHMENTS = 10;

/** One raw e-mail (RFC 5322 bytes) into one inbound event: parsed, attachments kept, HTML sanitised. */
@Injectable()
export class MailIntake {
  constructor(
    private readonly intake: IntakeService,
    private readonly media: MediaStore,
  ) {}

  async accept(raw: Buffer): Promise<ReceiveResult> {
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true });
    } catch (error) {
      return this.intake.receiveFailed('email', providerIdOf(null, raw), { bytes: raw.length }, `e-posta çözümlenemedi: ${(error as Error).message}`);
    }
    if (Object.keys(headersOf(parsed)).length === 0) {
      return this.intake.receiveFailed('email', providerIdOf(null, raw), { bytes: raw.length }, 'e-posta çözümlenemedi: başlık yok');
    }
    const providerId = providerIdOf(parsed.messageId, raw);
    // Read again (a UIDVALIDITY change, a crash before the cursor moved): do not store its files twice.
    const known = await this.intake.find('email', providerId);
    if (known) return { eventId: known, duplicate: true };
    const { stored, skipped } = await this.keep(parsed.attachments);
    return this.intake.receive('email', providerId, { ...mailPayload(parsed, stored, skipped) });
  }

  /** A file refused by the media store's limits is noted and left out; the mail still becomes a ticket. */
  private async keep(attachments: Attachment[]): Promise<{ stored: StoredMedia[]; skipped: SkippedAttachment[] }> {
    const stored: StoredMedia[] = [];
    const skipped: SkippedAttachment[] = [];
    for (const [i, attachment] of attachments.entries()) {
      const note = { filename: attachment.filename ?? null, contentType: attachment.contentType, size: attachment.size };
      if (stored.length >= MAX_ATTACHMENTS) {
        skipped.push({ ...note, reason: `en fazla ${MAX_ATTACHMENTS} dosya alınır` });
        continue;
      }
      try {
        stored.push(await this.media.save('email', { data: attachment.content, filename: attachment.filename, field: attachment.filename ?? `ek-${i + 1}` }));
      } catch (error) {
        if (!(error instanceof MediaRejectedException)) throw error;
        skipped.push({ ...note, reason: error.message });
      }
    }
    return { stored, skipped };
  }
}
