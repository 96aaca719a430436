import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { TicketChannel } from '../tickets/ticket-enums';
import { TicketEventType } from '../tickets/ticket-event.entity';
import { OPEN_STATUSES, TicketStatus } from '../tickets/ticket-status';
import { Ticket } from '../tickets/ticket.entity';
import { appendEvent } from '../tickets/timeline';
import { InboundMessage } from './normalisers';

/** Decides whether a message continues a citizen's open ticket, and appends it if so. */
@Injectable()
export class Threading {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The citizen's most recently active open ticket on this channel within the window, locked. */
  async openTicketFor(manager: EntityManager, citizenId: string, channel: TicketChannel): Promise<Ticket | null> {
    if (this.config.INTAKE_THREAD_WINDOW_HOURS === 0) return null;
    const since = new Date(this.clock.now().getTime() - this.config.INTAKE_THREAD_WINDOW_HOURS * 3600_000);
    return manager
      .createQueryBuilder(Ticket, 't')
      .where('t.citizen_id = :citizenId AND t.channel = :channel', { citizenId, channel })
      .andWhere('t.status IN (:...open) AND t.updated_at >= :since', { open: OPEN_STATUSES, since })
      .orderBy('t.updated_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The message joins the ticket; an answer to "we need more information" restarts the work. */
  async append(manager: EntityManager, ticket: Ticket, message: InboundMessage, eventId: string): Promise<void> {
    await appendEvent(manager, ticket.id, TicketEventType.MessageIn, null, message.text || null, {
      eventId,
      media: message.media,
      location: message.location ?? null,
    });
    const patch: Partial<Ticket> = { version: ticket.version + 1, updatedAt: this.clock.now() };
    if (ticket.status === TicketStatus.WaitingForCitizen) {
      patch.status = TicketStatus.InProgress;
      await appendEvent(manager, ticket.id, TicketEventType.StatusChanged, null, null, {
        from: TicketStatus.WaitingForCitizen,
        to: TicketStatus.InProgress,
        reason: 'citizen_replied',
      });
    }
    if (message.location && ticket.latitude === null) {
      Object.assign(patch, { latitude: message.location.latitude, longitude: message.location.longitude });
    }
    await manager.update(Ticket, { id: ticket.id }, patch);
    Object.assign(ticket, patch);
  }

  async mahalleExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM mahalleler WHERE id = $1 AND active', [id]);
    return rows.length > 0;
  }
}
