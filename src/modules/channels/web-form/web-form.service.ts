import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { RedisClient } from '@app/queue';
import { CategoriesService, checkFieldValues } from '../../categories';
import { InboundChannel, InboundState, IntakeService } from '../../intake';
import { MediaErrorCode, MediaRejectedException, MediaStore, StoredMedia } from '../../media';
import { NeighbourhoodsService } from '../../neighbourhoods';
import { statusUrl } from '../../notifications';
import { IDEMPOTENCY_KEY, WebApplicationDto } from './dto/web-application.dto';
import { SubmissionLimiter } from './submission-limiter';
import { PHOTOS_FIELD } from './web-form-upload';

export interface UploadedPhoto {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** What the citizen (and only they, holding the unguessable receipt id) may know of their application. */
export type Receipt =
  | { receiptId: string; status: 'pending' }
  | { receiptId: string; status: 'accepted'; trackingNo: string; statusPageUrl: string }
  | { receiptId: string; status: 'failed'; reason: string };

const DECOY_TTL_SECONDS = 24 * 3600;

/**
 * Files a web-form application through the one intake entry. Intake is asynchronous, so the
 * answer is a receipt (the inbound event's id) that the page polls until the ticket exists.
 */
@Injectable()
export class WebFormService {
  private readonly logger = new Logger(WebFormService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly media: MediaStore,
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly limiter: SubmissionLimiter,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Everything is checked before anything is written: a refused application leaves no trace. */
  async submit(input: WebApplicationDto, uploads: UploadedPhoto[], ip: string, headerKey?: string): Promise<Receipt> {
    const key = idempotencyKey(headerKey, input.idempotencyKey);
    // A file input left empty still sends a part with no name and no bytes.
    const photos = uploads.filter((p) => p.size > 0 || p.originalname);
    photos.forEach((p) => this.checkPhoto(p));
    const category = input.categoryId ? await this.categories.requireActive(input.categoryId, 'categoryId') : null;
    const attributes = checkFieldValues(category?.fields ?? [], input.attributes, (code) => `attributes.${code}`);
    if (input.mahalleId) await this.mahalleler.requireActive(input.mahalleId, 'mahalleId');
    if (key) {
      // A retried POST answers with the first one's receipt and saves its photos again no more.
      const earlier = await this.eventFor(key);
      if (earlier) return this.receipt(earlier);
    }
    await this.limiter.take(ip);
    if (input.website) return this.decoy();
    const media: StoredMedia[] = [];
    for (const photo of photos) media.push(await this.media.save('web', { data: photo.buffer, filename: photo.originalname, field: PHOTOS_FIELD }));
    const { eventId } = await this.intake.receive(InboundChannel.Web, key ?? randomUUID(), {
      kind: input.kind,
      categoryId: input.categoryId ?? null,
      attributes,
      text: input.description,
      mahalleId: input.mahalleId ?? null,
      address: input.address ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      fullName: input.fullName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      kvkkConsent: true,
      media,
    });
    return this.receipt(eventId);
  }

  async receipt(receiptId: string): Promise<Receipt> {
    const [row]: { state: InboundState; last_error: string | null; tracking_no: string | null }[] = await this.dataSource.query(
      `SELECT e.state, e.last_error, t.tracking_no
         FROM inbound_events e LEFT JOIN tickets t ON t.id = e.ticket_id
        WHERE e.id = $1 AND e.channel = $2`,
      [receiptId, InboundChannel.Web],
    );
    if (!row) {
      if (await this.redis.connection.exists(this.redis.key('web-form-decoy', receiptId))) return { receiptId, status: 'pending' };
      throw new ResourceNotFoundException('Başvuru alındısı');
    }
    if (row.state === InboundState.Failed) return { receiptId, status: 'failed', reason: row.last_error ?? 'başvuru işlenemedi' };
    if (!row.tracking_no) return { receiptId, status: 'pending' };
    return { receiptId, status: 'accepted', trackingNo: row.tracking_no, statusPageUrl: statusUrl(this.config, row.tracking_no) };
  }

  /** Only photos on a photo form, whatever else MediaStore keeps for other channels. */
  private checkPhoto(photo: UploadedPhoto): void {
    let type: string | null = null;
    try {
      type = this.media.check({ data: photo.buffer, filename: photo.originalname, field: PHOTOS_FIELD }).type;
    } catch (error) {
      if (!(error instanceof MediaRejectedException) || error.code !== MediaErrorCode.UnsupportedType) throw error;
    }
    if (!type?.startsWith('image/')) {
      const name = photo.originalname ? `"${photo.originalname.slice(0, 60)}" ` : '';
      throw new MediaRejectedException(
        MediaErrorCode.UnsupportedType,
        PHOTOS_FIELD,
        `${PHOTOS_FIELD}: ${name}bir fotoğraf değil; yalnızca JPEG, PNG, WebP veya HEIC fotoğraf eklenebilir`,
      );
    }
  }

  private async eventFor(key: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.dataSource.query('SELECT id FROM inbound_events WHERE channel = $1 AND provider_id = $2', [
      InboundChannel.Web,
      key,
    ]);
    return row?.id ?? null;
  }

  /**
   * The honeypot was filled: answered like an accepted application so the bot learns nothing,
   * but nothing is stored — a bot's text may be anyone's personal data. Its receipt stays
   * "pending" for a day; only the random id is kept.
   */
  private async decoy(): Promise<Receipt> {
    const receiptId = randomUUID();
    await this.redis.connection.set(this.redis.key('web-form-decoy', receiptId), '1', 'EX', DECOY_TTL_SECONDS);
    this.logger.warn({ msg: 'web form honeypot filled; nothing stored' });
    return { receiptId, status: 'pending' };
  }
}

/** The key from the Idempotency-Key header or the form's hidden field; both must agree. */
function idempotencyKey(header: string | undefined, field: string | undefined): string | null {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidFieldException('Idempotency-Key', 'Idempotency-Key: 16-100 harf, rakam, - veya _ olmalı');
  }
  if (header && field && header !== field) {
    throw new InvalidFieldException('idempotencyKey', 'idempotencyKey: Idempotency-Key başlığıyla aynı olmalı');
  }
  return header ?? field ?? null;
}
