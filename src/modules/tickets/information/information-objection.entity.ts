import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Ticket } from '../ticket.entity';

/** What the Bilgi Edinme Değerlendirme Kurulu decided on an objection. */
export enum ObjectionOutcome {
  /** The refusal stands. */
  Upheld = 'upheld',
  /** The information must be given. */
  Overturned = 'overturned',
  PartlyOverturned = 'partly_overturned',
}

/**
 * An applicant's objection to the Kurul against a refusal or partial answer (Law 4982 art. 13),
 * linked to the application: when it was filed and learnt of, the Kurul's reference, the date
 * its decision is due (30 working days) and the decision.
 */
@Entity('information_objections')
@Index(['ticketId'])
export class InformationObjection {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  /** The Istanbul date the applicant objected (from the Kurul's letter). */
  @Column({ type: 'date' })
  filedOn: string;

  /** Filed more than 15 days after the decision was notified: the Kurul decides whether it is heard. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  kurulRef: string | null;

  /** 30 working days from the objection: when the Kurul's decision is expected. */
  @Column({ type: 'timestamptz' })
  decisionDueAt: Date;

  @Column({ type: 'enum', enum: ObjectionOutcome, enumName: 'objection_outcome', nullable: true })
  outcome: ObjectionOutcome | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
