import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** A photo, document or recording a citizen sent; the bytes live in MEDIA_DIR under their hash. */
@Entity('media_files')
export class MediaFile {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Which channel brought it (web, whatsapp, email…), for the admins' view. */
  @Column({ type: 'varchar', length: 20 })
  source: string;

  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  filename: string | null;

  /** The ticket whose timeline carries the file; those who may read the ticket may read the file. */
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
