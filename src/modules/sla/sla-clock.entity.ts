import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { DayEnd } from '@app/calendar';
import { DurationUnit } from './deadline-policy.entity';

/** What a clock times: a ticket, or a step of a process. */
export enum ClockSubject {
  Ticket = 'ticket',
  ProcessStep = 'process_step',
}

/**
 * A deadline: when it started, paused and stopped, and the instants of its escalation ladder.
 * The ladder's progress lives in the clock's timer (`sla_timers`) until the clock stops.
 */
@Entity('sla_clocks')
@Index(['subjectType', 'subjectId'], { unique: true })
export class SlaClock {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 20 })
  subjectType: ClockSubject;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** How paused time counts: working time, or elapsed time for calendar-day clocks. */
  @Column({ type: 'enum', enum: DurationUnit, enumName: 'duration_unit' })
  unit: DurationUnit;

  /** How its calendar-day period ends (its policy's rule), so a pause moves it to the right close. */
  @Column({ type: 'enum', enum: DayEnd, enumName: 'day_end', default: DayEnd.Midnight })
  dayEnd: DayEnd;

  @Column({ type: 'boolean', default: true })
  extendPastDayOff: boolean;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  warningAt: Date | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** Set at the breach, from the ladder of the department the subject is in by then. */
  @Column({ type: 'timestamptz', nullable: true })
  furtherAt: Date | null;

  /** The last step of the ladder taken when the clock stopped (0 none, 1 warning, 2 breach, 3 beyond); null until then, its timer holds it. */
  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** Paused time so far, in the clock's own minutes (working or elapsed). */
  @Column({ type: 'int', default: 0 })
  pausedMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
