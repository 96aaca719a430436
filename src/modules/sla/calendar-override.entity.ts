import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { OverrideKind } from '@app/calendar';

/** A change to the law's calendar: a bridge day, a granted afternoon, a make-up Saturday. */
@Entity('calendar_overrides')
export class CalendarOverride {
  @TimeOrderedPrimaryKey()
  id: string;

  /** The Istanbul calendar date, `YYYY-MM-DD`; read back as a string, never shifted by a zone. */
  @Index({ unique: true })
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'enum', enum: OverrideKind, enumName: 'calendar_override_kind' })
  kind: OverrideKind;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
