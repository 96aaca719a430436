import { Injectable } from '@nestjs/common';
import { TicketChange, TicketChangeHook, TicketChangeHooks } from '../tickets';
import { LivePublisher } from './live.publisher';

/** Staff screens hear of every ticket created, changed or escalated, after it is committed. */
@Injectable()
export class LiveTicketHook implements TicketChangeHook {
  constructor(
    private readonly live: LivePublisher,
    hooks: TicketChangeHooks,
  ) {
    hooks.register(this);
  }

  afterCommit({ kind, ticket }: TicketChange): Promise<void> {
    return this.live.publish(ticket, kind);
  }
}
