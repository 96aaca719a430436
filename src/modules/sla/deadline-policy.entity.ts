import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { DayEnd } from '@app/calendar';
import { LegalBasis } from '@app/domain';

export enum DurationUnit {
  CalendarDays = 'calendar_days',
  WorkingDays = 'working_days',
  WorkingHours = 'working_hours',
}

/** A clock a ticket runs on: per subject and per law (3071, 4982, KVKK, internal targets). */
@Entity('deadline_policies')
export class DeadlinePolicy {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'enum', enum: LegalBasis, enumName: 'legal_basis' })
  legalBasis: LegalBasis;

  @Column({ type: 'int', nullable: true })
  firstResponseAmount: number | null;

  @Column({ type: 'enum', enum: DurationUnit, enumName: 'duration_unit', nullable: true })
  firstResponseUnit: DurationUnit | null;

  @Column({ type: 'int' })
  resolutionAmount: number;

  @Column({ type: 'enum', enum: DurationUnit, enumName: 'duration_unit' })
  resolutionUnit: DurationUnit;

  /** Share of the allowed time after which a warning goes out (0.75 = at 75%). */
  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  warningRatio: number;

  /**
   * Calendar-day periods: whether the last day ends at midnight or when the office closes
   * (municipalities differ; working-day periods always end at the close of their last day).
   */
  @Column({ type: 'enum', enum: DayEnd, enumName: 'day_end', default: DayEnd.Midnight })
  calendarDayEnd: DayEnd;

  /** Calendar-day periods whose last day is no working day end on the next working day (HMK art. 93). */
  @Column({ type: 'boolean', default: true })
  extendPastDayOff: boolean;

  /** A transfer starts the clock afresh for the receiving department; by default it keeps running. */
  @Column({ type: 'boolean', default: false })
  restartOnTransfer: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
