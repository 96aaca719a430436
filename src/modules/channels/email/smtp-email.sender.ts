import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { MessageSender, OutboundChannel, OutboundMessage, OutboundState, PermanentSendError, SenderRegistry, SendResult } from '../../notifications';
import { OutboundAttachments } from '../outbound-attachments';
import { emailReplyMeta } from './email-reply-meta';
import { messageIdDomainOf, smtpTransportOf } from './mail-settings';
import { EmailMeta, isAutomaticOutbound, mailSubject, mailThreading, stableMessageId } from './outbound-mail';

/**
 * Outbound e-mail through an SMTP server. The Message-ID comes from the outbox row, so a resend
 * after a crash mid-call is the same mail to the recipient's server (and threads the same way).
 */
@Injectable()
export class SmtpEmailSender implements MessageSender, OnModuleInit {
  readonly channel = OutboundChannel.Email;
  readonly provider = 'smtp';
  readonly safeToResend = true;
  private transport: Transporter | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SenderRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: OutboundAttachments,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    // Notices written without threading details answer the citizen's last mail on the ticket.
    const meta: EmailMeta = {
      ...(message.ticketId && !message.meta?.inReplyTo ? await emailReplyMeta(this.dataSource.manager, message.ticketId) : {}),
      ...message.meta,
    };
    message = { ...message, meta: meta as Record<string, unknown> };
    if (isAutomaticOutbound(message) && meta.inReplyTo && (await this.isAutomaticMail(meta.inReplyTo))) {
      throw new PermanentSendError('Otomatik gönderilmiş bir e-postaya otomatik yanıt verilmez');
    }
    const messageId = stableMessageId(message.id, messageIdDomainOf(this.config));
    await this.dataSource.query(`UPDATE outbound_messages SET meta = meta || jsonb_build_object('messageId', $2::text) WHERE id = $1`, [message.id, messageId]);
    const [ticket] = message.ticketId ? await this.dataSource.query('SELECT tracking_no FROM tickets WHERE id = $1', [message.ticketId]) : [];
    // The documents as MIME parts of the mail itself, read from the store at sending time.
    const files = await this.attachments.of(message);
    const attachments = await Promise.all(
      files.map(async (a) => ({ filename: a.filename, contentType: a.file.contentType, content: await this.attachments.read(a) })),
    );
    try {
      await this.smtp().sendMail({
        from: this.config.MAIL_FROM,
        to: message.recipient,
        subject: mailSubject(message.subject, ticket?.tracking_no ?? null),
        text: message.body,
        ...(attachments.length ? { attachments } : {}),
        ...mailThreading(message, messageId),
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refused this mail for good (unknown mailbox, policy); 4xx is worth a retry.
      if (code && code >= 500) throw new PermanentSendError(`SMTP ${code}: ${(error as Error).message}`);
      throw error;
    }
    return { providerId: messageId, state: OutboundState.Sent };
  }

  /** A citizen's mail we stored as sent by a machine (see isAutomaticMail). */
  private async isAutomaticMail(messageId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM inbound_events WHERE channel = 'email' AND provider_id = $1 AND payload->>'automatic' = 'true'`, [
      messageId,
    ]);
    return rows.length > 0;
  }

  private smtp(): Transporter {
    if (!this.config.SMTP_URL && !this.config.SMTP_HOST) throw new PermanentSendError('SMTP sunucusu yapılandırılmamış (SMTP_URL)');
    this.transport ??= createTransport(smtpTransportOf(this.config));
    return this.transport;
  }
}
