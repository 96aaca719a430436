import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far a mailbox has been read: every message up to `lastUid` is stored as an inbound event.
 * UIDs mean something only under one UIDVALIDITY; when the server changes it, reading starts over.
 */
@Entity('mailbox_cursors')
export class MailboxCursor {
  /** user@host:port/mailbox */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  mailbox: string;

  @Column({ type: 'bigint' })
  uidValidity: string;

  @Column({ type: 'bigint' })
  lastUid: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
