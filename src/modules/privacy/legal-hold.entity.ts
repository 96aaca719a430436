import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Ticket } from '../tickets';

/**
 * A ticket under dispute (a lawsuit, an objection, an inspection): while the hold stands, neither
 * the periodic destruction nor an erasure request removes its personal data (KVKK art. 5/2-e:
 * what is needed to establish, exercise or defend a right).
 */
@Entity('legal_holds')
@Index(['ticketId'])
export class LegalHold {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'uuid' })
  placedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  placedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedById: string | null;
}
