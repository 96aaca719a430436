import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Ticket } from '../tickets';
import { Incident } from './incident.entity';

/** A ticket linked to its incident; a ticket belongs to one incident at most. */
@Entity('incident_tickets')
@Index(['incidentId', 'linkedAt'])
export class IncidentTicket {
  @PrimaryColumn({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid', nullable: true })
  linkedById: string | null;

  /** The order the answer's notices go out in: the earliest linked first. */
  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
