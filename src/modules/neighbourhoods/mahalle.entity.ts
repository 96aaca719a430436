import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** A neighbourhood (mahalle) and its elected head, the muhtar. */
@Entity('mahalleler')
export class Mahalle {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  muhtarName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  muhtarPhone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
