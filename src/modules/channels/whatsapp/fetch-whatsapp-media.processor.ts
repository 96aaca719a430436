import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { JobHandler, MediaFetchJob, QueueName } from '@app/queue';
import { LivePublisher } from '../../live';
import { linkMediaToTickets, MediaStore, StoredMedia } from '../../media';
import { appendEvent, TicketEventType, TicketQueries } from '../../tickets';
import { CloudApiGraph } from './cloud-api-graph.client';
import { MediaFetchState, WhatsappMediaFetch } from './whatsapp-media-fetch.entity';
import { fetchFailure, MEDIA_FETCH_ATTEMPTS, nextAttemptAt } from './whatsapp-media-retry';

type Outcome = { state: MediaFetchState.Attached; stored: StoredMedia } | { state: MediaFetchState.Failed; reason: string };

/**
 * One attempt at a file the Graph API could not give when its message came. The attempt is
 * claimed first (counted, the next one's time set), so a job run twice or late does nothing and
 * a worker that dies mid-download leaves the file to the next attempt. The file is given to the
 * ticket, or given up with the reason, in one transaction with its timeline entry.
 */
@Injectable()
export class FetchWhatsappMediaProcessor {
  private readonly logger = new Logger(FetchWhatsappMediaProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: CloudApiGraph,
    private readonly media: MediaStore,
    private readonly live: LivePublisher,
    private readonly tickets: TicketQueries,
    private readonly clock: Clock,
  ) {}

  @JobHandler(QueueName.Intake, 'fetch-whatsapp-media')
  async handle({ fetchId }: MediaFetchJob): Promise<MediaFetchState | 'stale'> {
    const fetch = await this.claim(fetchId);
    if (!fetch) return 'stale';
    let outcome: Outcome;
    try {
      const data = await this.graph.downloadMedia(fetch.mediaRef);
      outcome = { state: MediaFetchState.Attached, stored: await this.media.save('whatsapp', { data, filename: fetch.filename, field: 'media' }) };
    } catch (error) {
      const failure = fetchFailure(error);
      this.logger.warn({ msg: 'WhatsApp media not fetched', fetchId, attempt: fetch.attempts, permanent: failure.permanent, error: failure.reason });
      if (!failure.permanent && fetch.attempts < MEDIA_FETCH_ATTEMPTS) {
        await this.dataSource.query(`UPDATE whatsapp_media_fetches SET last_error = $2, updated_at = $3 WHERE id = $1 AND state = 'pending'`, [
          fetchId,
          failure.reason,
          this.clock.now(),
        ]);
        return MediaFetchState.Pending;
      }
      outcome = { state: MediaFetchState.Failed, reason: failure.reason };
    }
    return this.settle(fetch, outcome);
  }

  private claim(fetchId: string): Promise<WhatsappMediaFetch | null> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const fetch = await manager
        .createQueryBuilder(WhatsappMediaFetch, 'f')
        .where('f.id = :fetchId AND f.state = :pending AND f.next_attempt_at <= :now', { fetchId, pending: MediaFetchState.Pending, now })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!fetch) return null;
      fetch.attempts += 1;
      fetch.nextAttemptAt = nextAttemptAt(now, fetch.attempts);
      await manager.update(WhatsappMediaFetch, { id: fetch.id }, { attempts: fetch.attempts, nextAttemptAt: fetch.nextAttemptAt, updatedAt: now });
      return fetch;
    });
  }

  private async settle(fetch: WhatsappMediaFetch, outcome: Outcome): Promise<MediaFetchState | 'stale'> {
    const settled = await this.dataSource.transaction(async (manager) => {
      const moved: { ticket_id: string }[] = await manager.query(
        `UPDATE whatsapp_media_fetches SET state = $2, media_id = $3, last_error = $4, updated_at = $5
          WHERE id = $1 AND state = 'pending' RETURNING ticket_id`,
        [
          fetch.id,
          outcome.state,
          outcome.state === MediaFetchState.Attached ? outcome.stored.id : null,
          outcome.state === MediaFetchState.Failed ? outcome.reason : null,
          this.clock.now(),
        ],
      );
      if (!moved.length) return null;
      const data = { fetchId: fetch.id, eventId: fetch.eventId, state: outcome.state };
      if (outcome.state === MediaFetchState.Attached) {
        const { id: mediaId, ...file } = outcome.stored;
        await linkMediaToTickets(manager, [{ mediaId, ticketId: fetch.ticketId }]);
        await appendEvent(manager, fetch.ticketId, TicketEventType.Attachment, null, 'WhatsApp dosyası eklendi.', { ...data, media: [file] });
      } else {
        await appendEvent(manager, fetch.ticketId, TicketEventType.Attachment, null, `WhatsApp dosyası alınamadı: ${outcome.reason}`, {
          ...data,
          reason: outcome.reason,
        });
      }
      return true;
    });
    if (!settled) return 'stale';
    await this.live.publish(await this.tickets.load(fetch.ticketId), 'updated');
    return outcome.state;
  }
}
