import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** A client application allowed to file Open311 requests; only its key's SHA-256 is kept. */
@Entity('open311_clients')
export class Open311Client {
  @TimeOrderedPrimaryKey({ primaryKeyConstraintName: 'PK_open311_clients' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Index('IDX_open311_clients_key_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  keyHash: string;

  /** The key's first characters, so admins can tell keys apart without holding them. */
  @Column({ type: 'varchar', length: 12 })
  keyPrefix: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
