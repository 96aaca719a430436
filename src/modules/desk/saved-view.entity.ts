import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { User } from '../auth';

/** A staff member's saved filter of the ticket list ("Gecikenler", "Bu hafta çözülenler"); their own only. */
@Entity('saved_views')
export class SavedView {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** The list's query (ListTicketsDto fields), as validated; never a phone, e-mail or T.C. number in `q`. */
  @Column({ type: 'jsonb' })
  query: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
