import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Mahalle } from '../../neighbourhoods';

export enum MuhtarActivityKind {
  /** PG7.4.1: a coordination meeting with the muhtars. */
  Meeting = 'coordination_meeting',
  /** PG7.4.2: a periodic visit to a muhtar in their mahalle. */
  Visit = 'visit',
}

/** A meeting or visit on the muhtar calendar: planned, the muhtar informed, held (or cancelled). */
@Entity('muhtar_activities')
@Index(['kind', 'plannedAt'])
export class MuhtarActivity {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'enum', enum: MuhtarActivityKind, enumName: 'muhtar_activity_kind' })
  kind: MuhtarActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The visited mahalle; null for a meeting of all muhtars. */
  @Column({ type: 'uuid', nullable: true })
  mahalleId: string | null;

  @ManyToOne(() => Mahalle, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mahalle_id' })
  mahalle?: Mahalle | null;

  @Column({ type: 'timestamptz' })
  plannedAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  muhtarInformedAt: Date | null;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  /** How many muhtars (or people) attended. */
  @Column({ type: 'int', nullable: true })
  attendance: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
