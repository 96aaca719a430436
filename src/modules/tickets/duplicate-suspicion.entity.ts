import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum DuplicateState {
  Open = 'open',
  Merged = 'merged',
  Dismissed = 'dismissed',
}

/** "This new ticket looks like that open one" — shown on both until staff merge or dismiss. */
@Entity('duplicate_suspicions')
@Index(['ticketId', 'originalId'], { unique: true })
export class DuplicateSuspicion {
  @TimeOrderedPrimaryKey()
  id: string;

  /** The newer ticket. */
  @Column({ type: 'uuid' })
  ticketId: string;

  @Index()
  @Column({ type: 'uuid' })
  originalId: string;

  /** same_citizen_category or similar_text_mahalle. */
  @Column({ type: 'varchar', length: 40 })
  reason: string;

  @Column({ type: 'enum', enum: DuplicateState, enumName: 'duplicate_state', default: DuplicateState.Open })
  state: DuplicateState;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
