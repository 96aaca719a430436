import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** KVKK audit: who read a citizen's contact details in clear, when, and why. */
@Entity('pii_access_log')
export class PiiAccess {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Null when what was read belongs to no known citizen (an institution's appointment, a raw message). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  citizenId: string | null;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 300 })
  purpose: string;

  @CreateDateColumn({ type: 'timestamptz' })
  accessedAt: Date;
}
