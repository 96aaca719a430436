import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Category } from '../categories';
import { Ticket } from '../tickets';

/**
 * What staff decided about a ticket's category: its text (read from the ticket when training,
 * so that a ticket's deletion takes it along) and the final category become a training example.
 * One row per ticket; a later decision replaces the earlier one and counts as new.
 */
@Entity('classifier_examples')
export class ClassifierExample {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Order of the decisions: a retrain learns those up to its seq, and counts those after. */
  @Index({ unique: true })
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  /** The final category; null while a returned ticket waits for triage to give it one. */
  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_id' })
  category?: Category | null;

  /** triage | transfer | return */
  @Column({ type: 'varchar', length: 16 })
  source: string;

  /** What the classifier suggested at intake, and which version did. */
  @Column({ type: 'uuid', nullable: true })
  suggestedCategoryId: string | null;

  @Column({ type: 'int', nullable: true })
  modelVersion: number | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
