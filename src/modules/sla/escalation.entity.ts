import { Column, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { ClockSubject } from './sla-clock.entity';

/** One step of the ladder taken for one clock; the unique index makes each step happen once. */
@Entity('escalations')
@Index(['clockId', 'level'], { unique: true })
@Index('IDX_escalations_unnotified', ['firedAt'], { where: 'notified_at IS NULL' })
export class Escalation {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  clockId: string;

  @Column({ type: 'varchar', length: 20 })
  subjectType: ClockSubject;

  /** Not indexed: the timer writes thousands of escalations at once, and no query reads one subject's through an index. */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'smallint' })
  level: number;

  /** The instant the step was due; `firedAt - dueAt` is the timer's lateness. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz' })
  firedAt: Date;

  /** When its messages were written; null = the notify job still has to run. */
  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;
}
