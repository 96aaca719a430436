import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Category } from '../categories';
import { Department } from '../departments';

/**
 * One thing many citizens report — a water cut, a storm's fallen trees: the parent of their
 * tickets, answered once for all of them.
 */
@Entity('incidents')
export class Incident {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  /** What happened, in the citizens' words: new reports similar to it (or to a linked one) are suggested. */
  @Column({ type: 'text' })
  description: string;

  /** Title and description folded (Turkish letters, case), compared with the tickets' own. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => Category, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Category;

  @Index()
  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  /** The mahalle it happened in and its neighbours it reached; empty = the whole district. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mahalleIds: string[];

  /** Reports from this instant on may belong to it. */
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  /** Reports after this instant are not suggested; null = until it is answered. */
  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** The one answer every linked ticket receives; null while the incident is open. */
  @Column({ type: 'text', nullable: true })
  answerText: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  answeredByName: string | null;

  /** When the job had answered every linked ticket; until then the sweeper re-adds a lost job. */
  @Column({ type: 'timestamptz', nullable: true })
  answersDoneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
