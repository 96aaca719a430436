import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InboundChannel, InboundEvent } from '../inbound-event.entity';
import { InboundMessage } from '../normalisers';

/** An inbound event just filed: the ticket it became or joined (written already, in this transaction). */
export interface FiledEvent {
  event: InboundEvent;
  message: InboundMessage;
  ticketId: string;
}

/**
 * What a channel adds to the filing of its events, in the intake transaction, so that it is
 * done exactly when they are: the call log of a voicemail points at its ticket, a file still to
 * be fetched is recorded for its sweeper.
 */
export interface FilingHook {
  readonly channel: InboundChannel;
  filed(manager: EntityManager, events: FiledEvent[]): Promise<void>;
}

/** The channels' hooks register here; intake runs them once a batch's tickets are written. */
@Injectable()
export class FilingHooks {
  private readonly hooks: FilingHook[] = [];

  register(hook: FilingHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, events: FiledEvent[]): Promise<void> {
    for (const hook of this.hooks) {
      const own = events.filter((e) => e.event.channel === hook.channel);
      if (own.length) await hook.filed(manager, own);
    }
  }
}
