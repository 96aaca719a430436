import { Injectable, Logger } from '@nestjs/common';
import { DomainException, ErrorKind } from '@app/common';
import { IntakeService } from '../../intake/intake.service';
import { MediaRejectedException } from '../../media/media-errors';
import { MediaStore } from '../../media/media.store';
import { OutboundState } from '../../notifications/outbound-message.entity';
import { OutboundMessages } from '../../notifications/outbound-messages.service';
import { CloudApiGraph } from './cloud-api-graph.client';
import { WhatsappCloudErrorCode } from './cloud-api-signature.guard';
import { saveWhatsappMedia, WhatsappMediaOutcome } from './whatsapp-media';

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

const STATUS: Record<string, OutboundState> = {
  sent: OutboundState.Sent,
  delivered: OutboundState.Delivered,
  read: OutboundState.Delivered,
  failed: OutboundState.Failed,
};

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

  async handle(webhook: CloudWebhook): Promise<void> {
    for (const change of (webhook.entry ?? []).flatMap((e) => e.changes ?? [])) {
      if (change.field !== 'messages' || !change.value) continue;
      for (const message of change.value.messages ?? []) await this.message(change.value, message);
      for (const status of change.value.statuses ?? []) await this.status(status);
    }
  }

  private async message(value: CloudChangeValue, message: NonNullable<CloudChangeValue['messages']>[number]): Promise<void> {
    if (!message.id || !ACCEPTED_TYPES.has(message.type ?? '')) return;
    if (await this.intake.known('whatsapp', message.id)) return;
    const contact = value.contacts?.find((c) => c.wa_id === message.from) ?? value.contacts?.[0];
    // Meta's own shape, narrowed to this one message, so the stored event reads like the webhook.
    const payload: Record<string, unknown> = { messaging_product: 'whatsapp', metadata: value.metadata ?? {}, contacts: contact ? [contact] : [], messages: [message] };
    if (MEDIA_TYPES.has(message.type!)) Object.assign(payload, await this.download(message[message.type!] as { id?: string; filename?: string }));
    await this.intake.receive('whatsapp', message.id, payload);
  }

  /** A failed download answers 503 so Meta delivers the webhook again; messages stored already are skipped then. */
  private async download(attached: { id?: string; filename?: string } | undefined): Promise<WhatsappMediaOutcome> {
    if (!attached?.id) return { mediaRefused: 'dosya kimliği yok' };
    let data: Buffer;
    try {
      data = await this.graph.downloadMedia(attached.id);
    } catch (error) {
      if (error instanceof MediaRejectedException) return { mediaRefused: error.message };
      this.logger.warn({ msg: 'WhatsApp media not downloaded', mediaId: attached.id, error: (error as Error).message });
      throw new DomainException(WhatsappCloudErrorCode.MediaUnavailable, ErrorKind.Unavailable, 'WhatsApp dosyası şu an indirilemiyor');
    }
    return saveWhatsappMedia(this.media, data, attached.filename);
  }

  private async status(status: NonNullable<CloudChangeValue['statuses']>[number]): Promise<void> {
    const state = STATUS[status.status ?? ''];
    if (!status.id || !state) return;
    const error = status.errors?.[0];
    await this.outbox.delivery({ provider: 'cloud-api', providerId: status.id }, state, error ? `WhatsApp ${error.code ?? ''}: ${error.title ?? ''}`.trim() : null);
  }
}
