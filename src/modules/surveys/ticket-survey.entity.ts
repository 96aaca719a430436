import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { OutboundChannel } from '../notifications';
import { Ticket } from '../tickets';

/** One satisfaction question to a citizen after a ticket was resolved, and their answer. */
@Entity('ticket_surveys')
// One survey per resolution: round = how many times the ticket had been reopened when it was asked.
@Index(['ticketId', 'round'], { unique: true })
@Index(['citizenId', 'askedAt'])
@Index(['answeredAt'])
export class TicketSurvey {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Column({ type: 'uuid' })
  citizenId: string;

  @Column({ type: 'int' })
  round: number;

  /** The secret of the /anket/<token> link: 144 random bits, base64url. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  token: string;

  /** Where the question went; a reply on SMS or WhatsApp answers it. */
  @Column({ type: 'enum', enum: OutboundChannel, enumName: 'outbound_channel' })
  channel: OutboundChannel;

  /** When the question goes out (after the delay and the quiet hours); replies before it are not answers. */
  @Column({ type: 'timestamptz' })
  askedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** How it was answered: sms, whatsapp or link. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  answeredVia: string | null;

  /** 1–5; null when the citizen only said whether it was solved ("0", "çözülmedi"). */
  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  solved: boolean | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The answer reopened the ticket for a supervisor. */
  @Column({ type: 'boolean', default: false })
  reopened: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
