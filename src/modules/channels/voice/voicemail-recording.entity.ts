import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum RecordingFetchState {
  Pending = 'pending',
  Attached = 'attached',
  Failed = 'failed',
}

/**
 * A voicemail's recording still to be copied from Twilio to the ticket's files (so it plays on
 * the ticket page through the ticket's access rules). Written with the voicemail's filing; the
 * rows are the retry schedule (the URL stays on the call log).
 */
@Entity('voicemail_recordings')
@Index(['state', 'nextAttemptAt'])
export class VoicemailRecording {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  callSid: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 10, default: RecordingFetchState.Pending })
  state: RecordingFetchState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  /** The stored file, once attached. */
  @Column({ type: 'uuid', nullable: true })
  mediaId: string | null;

  /** Why the last attempt failed: an HTTP status or a timeout, never the address. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
