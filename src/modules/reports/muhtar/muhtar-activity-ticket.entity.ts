import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Ticket } from '../../tickets';
import { MuhtarActivity } from './muhtar-activity.entity';

/** A request collected at a meeting or visit, filed as a ticket by the field team. */
@Entity('muhtar_activity_tickets')
export class MuhtarActivityTicket {
  @PrimaryColumn({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => MuhtarActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: MuhtarActivity;

  @Index({ unique: true })
  @PrimaryColumn({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
