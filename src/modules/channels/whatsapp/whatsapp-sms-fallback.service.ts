import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizePhone } from '@app/domain';
import { OutboundChannel, OutboundMessage, OutboundMessages, PermanentSendError } from '../../notifications';

export const smsFallbackKey = (message: Pick<OutboundMessage, 'id'>) => `sms-fallback-${message.id}`;

/**
 * A WhatsApp message that cannot go (24-hour window closed, no template) is sent as an SMS
 * instead: a new intent whose dedupe key comes from the original, so a retry records nothing
 * new; the original then fails with a reason naming the SMS.
 */
@Injectable()
export class WhatsappSmsFallback {
  private readonly logger = new Logger(WhatsappSmsFallback.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboundMessages,
  ) {}

  async instead(message: OutboundMessage, waId: string | null): Promise<never> {
    const phone = waId ? normalizePhone(`+${waId}`) : null;
    if (!phone) throw new PermanentSendError('24 saatlik WhatsApp penceresi kapalı ve SMS için telefon numarası yok');
    const sms = await this.dataSource.transaction((manager) =>
      this.outbox.record(manager, {
        dedupeKey: smsFallbackKey(message),
        channel: OutboundChannel.Sms,
        recipient: phone,
        purpose: message.purpose,
        body: message.body,
        subject: message.subject,
        ticketId: message.ticketId,
        citizenId: message.citizenId,
        userId: message.userId,
        // The files go with it, as the SMS sender sends them: links.
        meta: { fallbackFor: message.id, ...(message.meta?.attachments ? { attachments: message.meta.attachments } : {}) },
      }),
    );
    await this.outbox.dispatch([sms]);
    this.logger.log({ msg: 'WhatsApp message sent as SMS instead', messageId: message.id });
    throw new PermanentSendError(`24 saatlik WhatsApp penceresi kapalı ve onaylı şablon yok: SMS olarak gönderildi (${smsFallbackKey(message)})`);
  }
}
