import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { StepDefinition } from './process-definition';

/** Defaults an admin may change per template (numeric column defaults would drift in TypeORM's schema diff). */
export const DEFAULT_TARGET_ON_TIME_RATIO = 0.9;
export const DEFAULT_WARNING_RATIO = 0.75;

const ratio = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A documented process as an admin defines it: ordered steps, each with its unit, document and allowed time. */
@Entity('process_templates')
export class ProcessTemplate {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The unit that runs the process; its ladder hears of a role-only step's delays. */
  @Column({ type: 'uuid' })
  ownerDepartmentId: string;

  /** Share of instances that should finish every step in time (the sister-city chart says 90%). */
  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: ratio })
  targetOnTimeRatio: number;

  /** When a step's warning goes out, as a share of its allowed time. */
  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: ratio })
  warningRatio: number;

  @Column({ type: 'jsonb' })
  steps: StepDefinition[];

  /** Bumped on every edit; a running instance keeps the steps it started with. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
