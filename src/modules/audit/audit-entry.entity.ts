import { Column, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/**
 * One audited act: who (the user, and their username then, which survives a rename), when, what
 * (action and entity) and the entity's state before and after. Written in the transaction of the
 * change it records, so a change without its row (or a row without its change) cannot be.
 */
@Entity('audit_log')
@Index(['at'])
@Index(['actorId', 'at'])
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Null for a failed login (no one proved who they are) and for the system itself. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The username the act was done (or tried) under. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /** The client's address, where the act came over HTTP and it matters (logins). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  ip: string | null;
}
