import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum MediaFetchState {
  Pending = 'pending',
  Attached = 'attached',
  Failed = 'failed',
}

/**
 * A file a Cloud API message announced that the Graph API could not give when the message came.
 * The message is filed without it; this row is what the sweeper retries from until the file is
 * attached to the ticket or given up.
 */
@Entity('whatsapp_media_fetches')
@Index('IDX_whatsapp_media_fetches_due', ['nextAttemptAt'], { where: `state = 'pending'` })
export class WhatsappMediaFetch {
  @TimeOrderedPrimaryKey()
  id: string;

  /** The inbound event (one WhatsApp message, one file). */
  @Index('IDX_whatsapp_media_fetches_event', { unique: true })
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  /** The Graph API's media id. */
  @Column({ type: 'varchar', length: 200 })
  mediaRef: string;

  /** As Meta declared them; the stored file's type comes from its bytes. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  filename: string | null;

  @Column({ type: 'varchar', length: 10, default: MediaFetchState.Pending })
  state: MediaFetchState;

  /** Attempts made by the fetch job (the webhook's own try not counted). */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** When the next attempt is due; an attempt in flight has moved it on already. */
  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The stored file, once attached. */
  @Column({ type: 'uuid', nullable: true })
  mediaId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
