import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum SubjectRight {
  Export = 'export',
  Rectify = 'rectify',
  Erase = 'erase',
}

/**
 * A data subject's right exercised (KVKK art. 11): which, for whom, on which application, by whom,
 * and what changed — counts and field names, never the values. Kept as the Yönetmelik asks of
 * erasure records.
 */
@Entity('personal_data_actions')
@Index(['citizenId'])
export class PersonalDataAction {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  citizenId: string;

  @Column({ type: 'varchar', length: 20 })
  action: SubjectRight;

  /** The citizen's KVKK application (a ticket on the 30-day clock of art. 13). */
  @Column({ type: 'uuid' })
  requestTicketId: string;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
