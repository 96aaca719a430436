import { Column, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { DurationUnit } from '../sla';

/**
 * A step as it runs: opened for its unit with its own clock, completed by someone with a
 * document. At most one step of an instance is open at a time (the partial unique index).
 */
@Entity('process_steps')
@Index('IDX_process_steps_one_open', ['instanceId'], { unique: true, where: 'completed_at IS NULL' })
@Index(['instanceId', 'seq'], { unique: true })
@Index(['departmentId'])
export class ProcessStep {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  instanceId: string;

  /** Order of opening within the instance. */
  @Column({ type: 'smallint' })
  seq: number;

  /** The template step's key ("1", "K"). */
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** The unit answerable for the step (the owner unit when the template names only a role). */
  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  role: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'smallint' })
  minAmount: number;

  @Column({ type: 'smallint' })
  maxAmount: number;

  @Column({ type: 'enum', enum: DurationUnit, enumName: 'duration_unit' })
  unit: DurationUnit;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  /** Opened + the maximum allowed time on the business calendar. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedById: string | null;

  /** The decision taken at a decision step (approve, reject, objection…). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;

  /** The document that completed it: its number, date or a media id. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  document: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
