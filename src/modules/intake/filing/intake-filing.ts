import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LivePublisher } from '../../live';
import { OutboundMessages } from '../../notifications';
import { CategoriserService, CategoryIndex } from '../categoriser.service';
import { InboundEvent } from '../inbound-event.entity';
import { InboundMessage } from '../normalisers';
import { BatchFiling } from '../pipeline/batch-runner';
import { EventFiling } from './event-filing.service';
import { Filed, IntakeBatch } from './intake-batch';

/**
 * The filing rules as the batch runner drives them: each event normalised, its sender found,
 * threaded, categorised, checked for duplicates and routed (EventFiling), the batch written
 * together; after the commit the receipts go out and the staff screens hear of it.
 */
@Injectable()
export class IntakeFiling implements BatchFiling<CategoryIndex, Filed> {
  constructor(
    private readonly filing: EventFiling,
    private readonly categoriser: CategoriserService,
    private readonly live: LivePublisher,
    private readonly outbox: OutboundMessages,
  ) {}

  /** The categoriser's index is refreshed before the transaction: a rebuild must not wait for a pool connection while this transaction holds one. */
  prepare(): Promise<CategoryIndex> {
    return this.categoriser.current();
  }

  async file(manager: EntityManager, events: InboundEvent[], index: CategoryIndex): Promise<Filed[]> {
    const batch = new IntakeBatch();
    const readable: { event: InboundEvent; message: InboundMessage }[] = [];
    const filed: Filed[] = [];
    for (const event of events) {
      const message = await this.filing.normalise(manager, event);
      if (message) readable.push({ event, message });
      else filed.push({ kind: 'failed', eventId: event.id });
    }
    // One order for every batch (by who wrote) keeps two batches from locking one citizen's rows in opposite orders.
    readable.sort((a, b) => identityKey(a.message).localeCompare(identityKey(b.message)) || a.event.receivedAt.getTime() - b.event.receivedAt.getTime());
    await this.filing.lookUpSenders(
      manager,
      batch,
      readable.map((r) => r.message),
    );
    for (const { event, message } of readable) filed.push(await this.filing.file(manager, batch, event, message, index));
    await this.filing.write(manager, batch);
    return filed;
  }

  async afterCommit(filed: Filed[]): Promise<void> {
    await this.outbox.dispatch(filed.map((f) => (f.kind === 'created' ? f.receipt : null)));
    await Promise.all(
      filed.map((f) => {
        if (f.kind === 'survey') return f.reopened ? this.live.publish(f.reopened, 'updated') : undefined;
        if (f.kind === 'threaded') return this.live.publish(f.ticket, 'message');
        if (f.kind === 'created') return this.live.publish(f.ticket, f.ticket.routedAt ? 'routed' : 'created');
        return undefined;
      }),
    );
  }
}

function identityKey(message: InboundMessage): string {
  return `${message.identity.kind}:${message.identity.value}`;
}
