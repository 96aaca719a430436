import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum ExportState {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

/** An export run as a job: what was asked, how far it got, and the file when done. */
@Entity('report_exports')
@Index(['state', 'createdAt'])
export class ReportExport {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 40 })
  report: string;

  @Column({ type: 'varchar', length: 10 })
  format: string;

  /** The validated query (period and filters) plus the scope of the user who asked. */
  @Column({ type: 'jsonb' })
  query: Record<string, unknown>;

  @Index()
  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'varchar', length: 10, default: ExportState.Queued })
  state: ExportState;

  @Column({ type: 'int', default: 0 })
  rowsWritten: number;

  @Column({ type: 'int', nullable: true })
  rowsTotal: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  fileName: string | null;

  @Column({ type: 'bigint', nullable: true })
  fileBytes: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
