import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** Twilio's call statuses, in the order a call can move through them; the last five end it. */
export const CALL_STATUS_RANK: Record<string, number> = {
  queued: 0,
  initiated: 0,
  ringing: 1,
  'in-progress': 2,
  completed: 3,
  busy: 3,
  'no-answer': 3,
  failed: 3,
  canceled: 3,
};

/** The branch of the menu a caller took. */
export const MENU_CHOICES = ['report', 'status', 'agent', 'voicemail'] as const;
export type MenuChoice = (typeof MENU_CHOICES)[number];

/** One call to the 444 line: who called, how it went, what it left behind. */
@Entity('call_logs')
export class CallLog {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  callSid: string;

  /** As Twilio gave it: E.164, or a word for a hidden number. */
  @Column({ type: 'varchar', length: 40 })
  fromNumber: string;

  @Column({ type: 'varchar', length: 40 })
  toNumber: string;

  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** CALL_STATUS_RANK of `status`: a callback that arrives late never moves a call back. */
  @Column({ type: 'smallint' })
  statusRank: number;

  @Column({ type: 'int', nullable: true })
  durationSeconds: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  menuChoice: MenuChoice | null;

  @Column({ type: 'text', nullable: true })
  recordingUrl: string | null;

  @Column({ type: 'uuid', nullable: true })
  agentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  /** The last transfer of the call: to a colleague's softphone or to a department, by whom and when. */
  @Column({ type: 'uuid', nullable: true })
  transferredToUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  transferredToDepartmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  transferredById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  transferredAt: Date | null;

  /** Whether the live call was moved through Twilio's REST API (false: only recorded here). */
  @Column({ type: 'boolean', nullable: true })
  transferRedirected: boolean | null;

  /** When the caller asked for an agent (softphones rang, or the queue): their wait starts here. */
  @Index('IDX_call_logs_offered_at')
  @Column({ type: 'timestamptz', nullable: true })
  offeredAt: Date | null;

  /** When an agent took the call. */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** When the wait ended: answered, hung up while waiting, or sent on to a voicemail. */
  @Column({ type: 'timestamptz', nullable: true })
  waitEndedAt: Date | null;

  /** Twilio's queue events: QueueTime (seconds in the agent queue) and QueueResult (bridged, hangup, leave…). */
  @Column({ type: 'int', nullable: true })
  queueSeconds: number | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  queueResult: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
