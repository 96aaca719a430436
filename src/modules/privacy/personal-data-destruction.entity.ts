import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum DestructionState {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

/**
 * One periodic destruction (the record the Yönetmelik asks for): when, by schedule or by hand,
 * the retention periods applied and how much of each kind was anonymised or deleted.
 */
@Entity('personal_data_destructions')
@Index(['state', 'createdAt'])
export class PersonalDataDestruction {
  @TimeOrderedPrimaryKey()
  id: string;

  /** `schedule` or `manual`. */
  @Column({ type: 'varchar', length: 10 })
  trigger: 'schedule' | 'manual';

  @Column({ type: 'varchar', length: 10, default: DestructionState.Queued })
  state: DestructionState;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  /** The instant the run judges "past its period" by. */
  @Column({ type: 'timestamptz' })
  asOf: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The periods, in days, applied to each kind. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  retention: Record<string, number>;

  /** What was anonymised or deleted, per kind. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
