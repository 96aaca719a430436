import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { MessageSender, OutboundChannel, OutboundMessage, OutboundState, PermanentSendError, SenderRegistry, SendResult } from '../../notifications';
import { OutboundAttachments } from '../outbound-attachments';
import { CloudApiGraph, GraphApiError } from './cloud-api-graph.client';
import { WhatsappSmsFallback } from './whatsapp-sms-fallback.service';
import { waIdOf } from './whatsapp-recipient';
import { decideWhatsappWindow, WindowDecision } from './whatsapp-window';

// Meta: "re-engagement message" — the 24-hour window closed by its own clock.
const WINDOW_CLOSED = 131047;

/**
 * Outbound WhatsApp through Meta's Cloud API. Inside the 24-hour window the body goes as typed;
 * outside it as the approved template (body as its parameter), else by SMS. The Cloud API
 * cannot list sent messages, so an attempt cut off mid-call is not resent (no `findSent`).
 */
@Injectable()
export class CloudApiSender implements MessageSender, OnModuleInit {
  readonly channel = OutboundChannel.Whatsapp;
  readonly provider = 'cloud-api';
  readonly safeToResend = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly registry: SenderRegistry,
    private readonly graph: CloudApiGraph,
    private readonly fallback: WhatsappSmsFallback,
    private readonly attachments: OutboundAttachments,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const waId = waIdOf(message);
    if (!waId) throw new PermanentSendError(`Cloud API yalnızca telefon numarasına yazabilir: ${message.recipient}`);
    const templateConfigured = Boolean(this.config.WHATSAPP_CLOUD_TEMPLATE);
    let decision = decideWhatsappWindow({ lastInboundAt: await this.lastInboundAt(waId), now: this.clock.now(), templateConfigured });
    if (decision === 'free-form') {
      try {
        const result = await this.post(message, waId, decision);
        await this.postDocuments(message, waId);
        return result;
      } catch (error) {
        if (!(error instanceof GraphApiError && error.code === WINDOW_CLOSED)) throw classify(error);
        decision = templateConfigured ? 'template' : 'sms-fallback';
      }
    }
    if (decision === 'sms-fallback') return this.fallback.instead(message, waId);
    try {
      const result = await this.post(message, waId, decision);
      await this.dataSource.query(`UPDATE outbound_messages SET meta = meta || '{"sentAs":"template"}'::jsonb WHERE id = $1`, [message.id]);
      return result;
    } catch (error) {
      throw classify(error);
    }
  }

  /**
   * Inside the window each file follows the text as a document message, which Meta fetches from
   * its signed link (the file never passes through a third store); outside it only a template
   * may go, so the links are in its text instead.
   */
  private async postDocuments(message: OutboundMessage, to: string): Promise<void> {
    for (const attached of await this.attachments.of(message)) {
      const document = { link: this.attachments.linkOf(message, attached), filename: attached.filename };
      await this.graph.sendMessage({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'document', document });
    }
  }

  private async post(message: OutboundMessage, to: string, decision: WindowDecision): Promise<SendResult> {
    const content =
      decision === 'free-form'
        ? { type: 'text', text: { body: message.body, preview_url: false } }
        : {
            type: 'template',
            template: {
              name: this.config.WHATSAPP_CLOUD_TEMPLATE,
              language: { code: this.config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE },
              components: [{ type: 'body', parameters: [{ type: 'text', text: await this.attachments.textWithLinks(message) }] }],
            },
          };
    const providerId = await this.graph.sendMessage({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...content });
    return { providerId, state: OutboundState.Sent };
  }

  /** When this number last wrote to the hotline through the Cloud API. */
  private async lastInboundAt(waId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(received_at) AS at FROM inbound_events WHERE channel = 'whatsapp' AND payload->'messages'->0->>'from' = $1`,
      [waId],
    );
    return row?.at ? new Date(row.at) : null;
  }
}

/** Rate limits and Meta's own failures pass; any other refusal is one no retry fixes. */
function classify(error: unknown): Error {
  if (!(error instanceof GraphApiError)) return error as Error;
  if (error.status === 429 || error.status >= 500) return error;
  return new PermanentSendError(error.message);
}
