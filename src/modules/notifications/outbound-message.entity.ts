import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum OutboundChannel {
  Sms = 'sms',
  Whatsapp = 'whatsapp',
  Email = 'email',
}

/**
 * pending → sending → sent → delivered, or undelivered / failed. `sending` is written before the
 * provider is called: a row found there again means the previous attempt stopped mid-call.
 */
export enum OutboundState {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  Delivered = 'delivered',
  Undelivered = 'undelivered',
  Failed = 'failed',
}

/** Later states win; a late "sent" callback after "delivered" changes nothing. */
export const OUTBOUND_STATE_RANK: Record<OutboundState, number> = {
  [OutboundState.Pending]: 0,
  [OutboundState.Sending]: 1,
  [OutboundState.Sent]: 2,
  [OutboundState.Delivered]: 3,
  [OutboundState.Undelivered]: 3,
  [OutboundState.Failed]: 3,
};

/** One message the municipality sends (to a citizen or to staff): the intent, then its fate. */
@Entity('outbound_messages')
@Index(['state', 'notBefore'])
@Index(['provider', 'providerId'], { unique: true, where: 'provider_id IS NOT NULL' })
export class OutboundMessage {
  @TimeOrderedPrimaryKey()
  id: string;

  /** What caused it (`reply-<eventId>`, `breach-<ticketId>-2-<userId>`): one message per cause. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'enum', enum: OutboundChannel, enumName: 'outbound_channel' })
  channel: OutboundChannel;

  /** E.164 phone, WhatsApp id or e-mail address. */
  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'uuid', nullable: true })
  citizenId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** Which notice this is: reply, received, escalation… */
  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  /** Channel details: the e-mail's Message-ID and In-Reply-To, a WhatsApp chat id… */
  @Column({ type: 'jsonb', default: {} })
  meta: Record<string, unknown>;

  @Column({ type: 'enum', enum: OutboundState, enumName: 'outbound_state', default: OutboundState.Pending })
  state: OutboundState;

  /** Not before this instant (quiet hours hold non-urgent messages overnight). */
  @Column({ type: 'timestamptz' })
  notBefore: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  provider: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  providerId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
