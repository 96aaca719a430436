import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClockSubject, SlaClock } from './sla-clock.entity';

/**
 * The ladder of a clock that has not stopped: the step it reached and the next one the timer
 * takes. One narrow row per such clock, so the timer's burst writes a few small pages instead of
 * the clocks' wide ones; `due_at` and `further_at` are the clock's instants still ahead of the
 * ladder (the steps after the warning and after the breach). The row goes when the clock stops,
 * leaving the step reached in `sla_clocks.level`, and comes back when it restarts.
 */
@Entity('sla_timers')
@Index('IDX_sla_timers_next_at', ['nextAt'], { where: 'next_at IS NOT NULL' })
export class SlaTimer {
  @PrimaryColumn({ type: 'uuid' })
  clockId: string;

  @ManyToOne(() => SlaClock, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clock_id' })
  clock?: SlaClock;

  @Column({ type: 'varchar', length: 20 })
  subjectType: ClockSubject;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The last step of the ladder taken: 0 none, 1 warning, 2 breach, 3 beyond. */
  @Column({ type: 'smallint' })
  level: number;

  /** The next step and when it falls; both null when nothing is pending (paused, or the ladder is done). */
  @Column({ type: 'smallint', nullable: true })
  nextLevel: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAt: Date | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  furtherAt: Date | null;
}
