import { Injectable, Logger } from '@nestjs/common';
import { IntakeService } from '../../intake';
import { MediaStore } from '../../media';
import { OutboundMessages, OutboundState } from '../../notifications';
import { CloudApiGraph } from './cloud-api-graph.client';
import { saveWhatsappMedia, WhatsappMediaOutcome } from './whatsapp-media';
import { fetchFailure } from './whatsapp-media-retry';

/** One `messages` change of Meta's webhook (only the fields used). */
export interface CloudChangeValue {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: { wa_id?: string; profile?: { name?: string } }[];
  messages?: ({ id?: string; from?: string; type?: string } & Record<string, unknown>)[];
  statuses?: { id?: string; status?: string; errors?: { code?: number; title?: string }[] }[];
}

export interface CloudWebhook {
  object?: string;
  entry?: { changes?: { field?: string; value?: CloudChangeValue }[] }[];
}

const MEDIA_TYPES = new Set(['image', 'document', 'audio', 'video']);
const ACCEPTED_TYPES = new Set(['text', 'location', ...MEDIA_TYPES]);

const STATUS: Partial<Record<string, OutboundState>> = {
  sent: OutboundState.Sent,
  delivered: OutboundState.Delivered,
  read: OutboundState.Delivered,
  failed: OutboundState.Failed,
};

// The webhook's declared types are what Meta documents, not what a request is bound to hold.
const listOf = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
const isObject = <T>(value: T | null | undefined): value is T => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Citizens' messages become inbound events (the wamid is unique); status reports update the outbox. */
@Injectable()
export class CloudApiInbound {
  private readonly logger = new Logger(CloudApiInbound.name);

  constructor(
    private readonly intake: IntakeService,
    private readonly media: MediaStore,
    private readonly graph: CloudApiGraph,
    private readonly outbox: OutboundMessages,
  ) {}

  /** Signed but not shaped as documented (a list that is not one, an id that is not text): what cannot be read is passed over. */
  async handle(webhook: CloudWebhook): Promise<void> {
    for (const change of listOf(webhook.entry).flatMap((e) => listOf(e?.changes))) {
      if (change?.field !== 'messages' || !isObject(change.value)) continue;
      for (const message of listOf(change.value.messages)) if (isObject(message)) await this.message(change.value, message);
      for (const status of listOf(change.value.statuses)) if (isObject(status)) await this.status(status);
    }
  }

  private async message(value: CloudChangeValue, message: NonNullable<CloudChangeValue['messages']>[number]): Promise<void> {
    if (typeof message.id !== 'string' || !message.id || !ACCEPTED_TYPES.has(String(message.type))) return;
    if (await this.intake.known('whatsapp', message.id)) return;
    const contacts = listOf(value.contacts).filter(isObject);
    const contact = contacts.find((c) => c.wa_id === message.from) ?? contacts[0];
    // Meta's own shape, narrowed to this one message, so the stored event reads like the webhook.
    const payload: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      metadata: value.metadata ?? {},
      contacts: contact ? [contact] : [],
      messages: [message],
    };
    if (MEDIA_TYPES.has(message.type!)) Object.assign(payload, await this.download(message[message.type!] as { id?: string; filename?: string }));
    await this.intake.receive('whatsapp', message.id, payload);
  }

  /**
   * The file, or why it is not kept. The message never waits for its file: one the Graph API
   * refuses for good is noted in its text; one it cannot give now (5xx, timeout) is fetched
   * later by a job (WhatsappMediaFiling records it when the message is filed).
   */
  private async download(attached: { id?: string; filename?: string } | undefined): Promise<WhatsappMediaOutcome> {
    if (!attached?.id) return { mediaRefused: 'dosya kimliği yok' };
    let data: Buffer;
    try {
      data = await this.graph.downloadMedia(attached.id);
    } catch (error) {
      const failure = fetchFailure(error);
      this.logger.warn({ msg: 'WhatsApp media not downloaded', mediaId: attached.id, permanent: failure.permanent, error: failure.reason });
      return failure.permanent ? { mediaRefused: failure.reason } : { mediaPending: failure.reason };
    }
    return saveWhatsappMedia(this.media, data, attached.filename);
  }

  private async status(status: NonNullable<CloudChangeValue['statuses']>[number]): Promise<void> {
    const state = STATUS[String(status.status)];
    if (typeof status.id !== 'string' || !status.id || !state) return;
    const error = listOf(status.errors).find(isObject);
    await this.outbox.delivery(
      { provider: 'cloud-api', providerId: status.id },
      state,
      error ? `WhatsApp ${error.code ?? ''}: ${error.title ?? ''}`.trim() : null,
    );
  }
}
