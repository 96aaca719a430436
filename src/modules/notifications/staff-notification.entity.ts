import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** A line in a staff member's notification list (deadline warnings and breaches). */
@Entity('staff_notifications')
@Index(['userId', 'createdAt'])
@Index(['userId', 'cause'], { unique: true })
export class StaffNotification {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** What caused it (`escalation-<id>`): one line per cause and person. */
  @Column({ type: 'varchar', length: 120 })
  cause: string;

  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Where it opens in the app. */
  @Column({ type: 'varchar', length: 300 })
  link: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
