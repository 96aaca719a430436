import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Ticket } from '../ticket.entity';

/**
 * An application CİMER (the Presidency's communication centre) forwarded to the municipality:
 * its CİMER number (one ticket per number) and the deadline CİMER set for the answer.
 */
@Entity('cimer_applications')
export class CimerApplication {
  @PrimaryColumn('uuid')
  ticketId: string;

  @OneToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60 })
  cimerNo: string;

  /** The end of the Istanbul day CİMER gave; the ticket's clock runs to it when it is earlier than the law's. */
  @Column({ type: 'timestamptz' })
  cimerDueAt: Date;

  @Column({ type: 'uuid', nullable: true })
  registeredById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
