import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Ticket } from '../ticket.entity';

/** How an answer stands in CİMER: the final one, an interim progress notice, or "not ours" back to CİMER. */
export enum CimerStatus {
  /** Sonuç cevabı: the application is concluded. */
  Final = 'final',
  /** Ara cevap: where the matter stands, with the final answer to follow (Law 3071 art. 7). */
  Interim = 'interim',
  /** Görev alanı dışında: returned to CİMER to be sent to the competent institution. */
  NotCompetent = 'not_competent',
}

/** The answer that went back to CİMER: who sent it, when, the text and its CİMER status. */
@Entity('cimer_answers')
@Index(['ticketId', 'answeredAt'])
export class CimerAnswer {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Ticket;

  @Column({ type: 'enum', enum: CimerStatus, enumName: 'cimer_status' })
  status: CimerStatus;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid' })
  answeredById: string;

  @Column({ type: 'varchar', length: 160 })
  answeredByName: string;

  @Column({ type: 'timestamptz' })
  answeredAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
