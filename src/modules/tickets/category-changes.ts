import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Staff set or changed a ticket's category (or, returning it, said it was wrong). */
export interface CategoryChange {
  ticketId: string;
  /** The category now; null when a return rejected the one it had. */
  categoryId: string | null;
  source: 'triage' | 'transfer' | 'return';
  actorId: string;
}

export interface CategoryChangeListener {
  categoryChanged(manager: EntityManager, change: CategoryChange): Promise<void>;
}

/**
 * Where modules that learn from staff decisions (the classifier) register; the ticket actions
 * announce each change in their own transaction, so it is recorded exactly when it happens.
 */
@Injectable()
export class CategoryChanges {
  private readonly listeners: CategoryChangeListener[] = [];

  register(listener: CategoryChangeListener): void {
    this.listeners.push(listener);
  }

  async announce(manager: EntityManager, change: CategoryChange): Promise<void> {
    for (const listener of this.listeners) await listener.categoryChanged(manager, change);
  }
}
