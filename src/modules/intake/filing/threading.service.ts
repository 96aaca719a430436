import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, foldTurkish } from '@app/common';
import { OPEN_STATUSES, TicketChannel, TicketStatus } from '@app/domain';
import { appendEvent, Ticket, TicketDeadlines, TicketEventType } from '../../tickets';
import { InboundMessage } from '../normalisers';

const OUR_MESSAGE_ID = /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;

/** Decides whether a message continues a citizen's open ticket, and appends it if so. */
@Injectable()
export class Threading {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deadlines: TicketDeadlines,
  ) {}

  /** Whether messages join open tickets at all (a window of 0 hours turns threading off). */
  windowOpen(): boolean {
    return this.config.INTAKE_THREAD_WINDOW_HOURS > 0;
  }

  /**
   * The open ticket a message continues, locked: the one it names when its channel names one
   * (e-mail), otherwise the citizen's recent ticket on this channel.
   */
  async ticketToContinue(manager: EntityManager, citizenId: string, channel: TicketChannel, message: InboundMessage): Promise<Ticket | null> {
    return message.thread ? this.namedTicket(manager, citizenId, message.thread) : this.openTicketFor(manager, citizenId, channel);
  }

  /**
   * By the tracking number in the subject, then by the Message-ID of our mail it answers. Only the
   * citizen's own open tickets: tracking numbers are guessable, and a stranger must not write into them.
   */
  private async namedTicket(manager: EntityManager, citizenId: string, thread: NonNullable<InboundMessage['thread']>): Promise<Ticket | null> {
    const open = () =>
      manager
        .createQueryBuilder(Ticket, 't')
        .where('t.citizen_id = :citizenId AND t.status IN (:...open)', { citizenId, open: OPEN_STATUSES })
        .setLock('pessimistic_write');
    if (thread.trackingNo) {
      const named = await open().andWhere('t.tracking_no = :trackingNo', { trackingNo: thread.trackingNo }).getOne();
      if (named) return named;
    }
    // Our Message-IDs are <outbound-id@domain>: the outbox row is found by its key.
    const outboundIds = thread.replyTo.map((id) => OUR_MESSAGE_ID.exec(id)?.[1]).filter((id): id is string => !!id);
    if (!outboundIds.length) return null;
    const sent: { ticket_id: string }[] = await manager.query(
      `SELECT ticket_id FROM outbound_messages
        WHERE id = ANY($1::uuid[]) AND meta->>'messageId' = ANY($2::text[]) AND ticket_id IS NOT NULL
        ORDER BY created_at DESC`,
      [outboundIds, thread.replyTo],
    );
    if (!sent.length) return null;
    const candidates = await open()
      .andWhere('t.id IN (:...ids)', { ids: sent.map((s) => s.ticket_id) })
      .getMany();
    return sent.map((s) => candidates.find((t) => t.id === s.ticket_id)).find((t) => t) ?? null;
  }

  /** The citizen's most recently active open ticket on this channel within the window, locked. */
  private async openTicketFor(manager: EntityManager, citizenId: string, channel: TicketChannel): Promise<Ticket | null> {
    if (!this.windowOpen()) return null;
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
      ...(message.automatic ? { automatic: true } : {}),
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
    // A place the citizen picked tells where, when the ticket does not say yet.
    if (message.address && !ticket.address) patch.address = message.address;
    const from = ticket.status;
    Object.assign(ticket, patch);
    await this.deadlines.follow(manager, ticket, from);
    await manager.update(Ticket, { id: ticket.id }, { ...patch, resolutionDueAt: ticket.resolutionDueAt });
    // Search finds a ticket by its address, also one that came later.
    if (patch.address) await manager.query(`UPDATE tickets SET search_text = search_text || ' ' || $2 WHERE id = $1`, [ticket.id, foldTurkish(patch.address)]);
  }
}
