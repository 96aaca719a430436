import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutboundMessage } from '../notifications';
import { Ticket } from './ticket.entity';

/** Where a ticket was before a change; null for a ticket just created. */
export type TicketPlacement = Pick<Ticket, 'departmentId' | 'assigneeId' | 'status'>;

export interface TicketChange {
  /** Staff edited it, it was just created, or its deadline escalated. */
  kind: 'created' | 'updated' | 'escalated';
  ticket: Ticket;
  before: TicketPlacement | null;
}

/**
 * What another module does when a ticket changes — the tickets module knows none of them by
 * name; each registers here, as senders register with the outbox.
 */
export interface TicketChangeHook {
  /** In the change's own transaction, for rows that must commit with it; a message returned is sent after the commit. */
  inTransaction?(manager: EntityManager, change: TicketChange): Promise<OutboundMessage | null>;
  /** After the commit: news that may be lost without losing work (a live event, a hand-out job a sweeper repeats). */
  afterCommit?(change: TicketChange): Promise<void>;
}

@Injectable()
export class TicketChangeHooks {
  private readonly hooks: TicketChangeHook[] = [];

  register(hook: TicketChangeHook): void {
    this.hooks.push(hook);
  }

  async inTransaction(manager: EntityManager, change: TicketChange): Promise<OutboundMessage[]> {
    const messages: OutboundMessage[] = [];
    for (const hook of this.hooks) {
      const message = await hook.inTransaction?.(manager, change);
      if (message) messages.push(message);
    }
    return messages;
  }

  /** Each hook on its own: one that fails does not keep the others from their news. */
  async afterCommit(change: TicketChange): Promise<void> {
    await Promise.allSettled(this.hooks.map((hook) => hook.afterCommit?.(change)));
  }
}
