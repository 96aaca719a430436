import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { StepDefinition } from './process-definition';

export enum ProcessStatus {
  Running = 'running',
  Completed = 'completed',
  Rejected = 'rejected',
  Filed = 'filed',
}

/** One run of a template (one sister-city protocol), started from a ticket or on its own. */
@Entity('process_instances')
@Index(['templateId', 'status'])
export class ProcessInstance {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  templateId: string;

  @Column({ type: 'int' })
  templateVersion: number;

  /** The template's steps as they were when this run started. */
  @Column({ type: 'jsonb' })
  definition: StepDefinition[];

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'uuid' })
  ownerDepartmentId: string;

  @Column({ type: 'enum', enum: ProcessStatus, enumName: 'process_status', default: ProcessStatus.Running })
  status: ProcessStatus;

  @Column({ type: 'uuid', nullable: true })
  startedById: string | null;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
