import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { FiledEvent, FilingHook, FilingHooks, InboundChannel } from '../../intake';
import { TicketEvent, TicketEventType } from '../../tickets';
import { MediaFetchState } from './whatsapp-media-fetch.entity';
import { nextAttemptAt } from './whatsapp-media-retry';

/**
 * A WhatsApp message whose file the Graph API could not give yet is filed at once; in the same
 * transaction its file gets a fetch row (what the sweeper retries from) and the ticket's
 * timeline says the file is on its way.
 */
@Injectable()
export class WhatsappMediaFiling implements FilingHook, OnModuleInit {
  readonly channel = InboundChannel.Whatsapp;

  constructor(
    private readonly hooks: FilingHooks,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async filed(manager: EntityManager, events: FiledEvent[]): Promise<void> {
    const files = events.flatMap(({ event, ticketId, message }) => (message.pendingMedia ?? []).map((file) => ({ eventId: event.id, ticketId, ...file })));
    if (!files.length) return;
    const now = this.clock.now();
    const rows: { id: string; event_id: string; ticket_id: string; content_type: string | null; filename: string | null }[] = await manager.query(
      `INSERT INTO whatsapp_media_fetches (event_id, ticket_id, media_ref, content_type, filename, next_attempt_at, created_at, updated_at)
       SELECT x.*, $6::timestamptz, $7::timestamptz, $7::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS x
       ON CONFLICT (event_id) DO NOTHING
       RETURNING id, event_id, ticket_id, content_type, filename`,
      [
        files.map((f) => f.eventId),
        files.map((f) => f.ticketId),
        files.map((f) => f.ref.slice(0, 200)),
        files.map((f) => f.contentType?.slice(0, 100) ?? null),
        files.map((f) => f.filename?.slice(0, 200) ?? null),
        nextAttemptAt(now, 0),
        now,
      ],
    );
    if (!rows.length) return;
    await manager.insert(
      TicketEvent,
      rows.map((row) => ({
        ticketId: row.ticket_id,
        type: TicketEventType.Attachment,
        body: 'WhatsApp dosyası henüz indirilemedi; yeniden denenecek.',
        data: {
          fetchId: row.id,
          eventId: row.event_id,
          state: MediaFetchState.Pending,
          contentType: row.content_type ?? undefined,
          filename: row.filename ?? undefined,
        },
      })),
    );
  }
}
