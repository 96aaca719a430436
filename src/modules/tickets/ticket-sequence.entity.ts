import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last tracking number given out per year. Taken with an UPDATE inside the ticket's
 * own transaction, so a rolled-back ticket gives its number back: numbers stay gap-free.
 */
@Entity('ticket_sequences')
export class TicketSequence {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  lastValue: number;
}
