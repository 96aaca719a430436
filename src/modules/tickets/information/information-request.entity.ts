import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Ticket } from '../ticket.entity';

/** How a Law 4982 application was decided; `withdrawn` is an access fee left unpaid. */
export enum InformationDecision {
  Granted = 'granted',
  PartlyGranted = 'partly_granted',
  Refused = 'refused',
  Withdrawn = 'withdrawn',
}

/**
 * A Law 4982 application's own record beside its ticket: the access fee (notified, to be paid
 * by, paid), and the decision with the exemption articles it rests on (arts. 15–28).
 */
@Entity('information_requests')
export class InformationRequest {
  @PrimaryColumn('uuid')
  ticketId: string;

  @OneToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  /** In lira, as notified; the period is interrupted from the notice until payment. */
  @Column({
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  feeAmount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  feeNotifiedAt: Date | null;

  /** The close of the 15th working day after the notice: unpaid by then, the application is withdrawn. */
  @Column({ type: 'timestamptz', nullable: true })
  feeDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  feePaidAt: Date | null;

  @Column({ type: 'enum', enum: InformationDecision, enumName: 'information_decision', nullable: true })
  decision: InformationDecision | null;

  /** The articles of Law 4982 a refusal or partial answer rests on. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  exemptionArticles: number[];

  /** Each article's reason, as the applicant was told. */
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
