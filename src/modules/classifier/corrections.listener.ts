import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CategoryChange, CategoryChangeListener, CategoryChanges } from '../tickets';

/**
 * Every staff decision on a ticket's category becomes a training example, written in the
 * decision's own transaction: one row per ticket (the final category wins and counts as new),
 * with what the classifier had suggested at intake, for the share of suggestions staff changed.
 */
@Injectable()
export class CorrectionsListener implements CategoryChangeListener, OnModuleInit {
  constructor(private readonly changes: CategoryChanges) {}

  onModuleInit(): void {
    this.changes.register(this);
  }

  async categoryChanged(manager: EntityManager, change: CategoryChange): Promise<void> {
    await manager.query(
      `INSERT INTO classifier_examples (ticket_id, category_id, source, actor_id, suggested_category_id, model_version)
       SELECT $1, $2, $3, $4, s.category_id, s.model_version
         FROM (SELECT NULL) AS one
         LEFT JOIN LATERAL (
           SELECT CASE WHEN e.data->'suggestion'->>'categoryId' ~ '^[0-9a-f-]{36}$' THEN (e.data->'suggestion'->>'categoryId')::uuid END AS category_id,
                  CASE WHEN e.data->'suggestion'->>'modelVersion' ~ '^[0-9]+$' THEN (e.data->'suggestion'->>'modelVersion')::int END AS model_version
             FROM ticket_events e WHERE e.ticket_id = $1 AND e.type = 'created' LIMIT 1
         ) s ON true
       ON CONFLICT (ticket_id) DO UPDATE
         SET category_id = EXCLUDED.category_id, source = EXCLUDED.source, actor_id = EXCLUDED.actor_id, updated_at = now(),
             seq = nextval(pg_get_serial_sequence('classifier_examples', 'seq'))`,
      [change.ticketId, change.categoryId, change.source, change.actorId],
    );
  }
}
