import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Ticket } from './ticket.entity';

export enum TicketEventType {
  Created = 'created',
  MessageIn = 'message_in',
  ReplyOut = 'reply_out',
  InternalNote = 'internal_note',
  Assigned = 'assigned',
  Transferred = 'transferred',
  StatusChanged = 'status_changed',
  Merged = 'merged',
  Updated = 'updated',
  Routed = 'routed',
  Returned = 'returned',
  DuplicateSuspected = 'duplicate_suspected',
  DuplicateDismissed = 'duplicate_dismissed',
  DeadlinePaused = 'deadline_paused',
  DeadlineResumed = 'deadline_resumed',
  Escalated = 'escalated',
  SurveyAnswered = 'survey_answered',
  DeadlineExtended = 'deadline_extended',
  /** A file that came after its message: pending, then attached or failed. */
  Attachment = 'attachment',
  /** Law 4982: the access fee notified (the period interrupted), then paid. */
  FeeNotified = 'fee_notified',
  FeePaid = 'fee_paid',
  /** Law 4982: granted, partly granted or refused, with its exemption articles. */
  InformationDecided = 'information_decided',
  /** Law 4982: an objection to the Kurul recorded, and its outcome. */
  Objection = 'objection',
  /** The answer sent back to CİMER, with its CİMER status. */
  CimerAnswer = 'cimer_answer',
}

/** One line of a ticket's timeline; the timeline is also the audit trail. */
@Entity('ticket_events')
@Index(['ticketId', 'seq'])
// The reports' read model reads a ticket's status changes, not the rest of its timeline.
@Index('idx_ticket_events_status_changes', ['ticketId', 'seq'], { where: `type = 'status_changed'` })
export class TicketEvent {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Insertion order: events written in one transaction share a timestamp. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Column({ type: 'enum', enum: TicketEventType, enumName: 'ticket_event_type' })
  type: TicketEventType;

  /** The staff user who acted; null for the citizen or the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  actorName: string | null;

  /** Message text, note, or reason. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
