import { Column, CreateDateColumn, Entity } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { TicketKind } from '@app/domain';

/**
 * Overrides a category's default department for a mahalle and/or a kind (e.g. park
 * maintenance in a coastal mahalle goes to the seaside unit). The most specific rule wins.
 */
@Entity('routing_rules')
export class RoutingRule {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'uuid', nullable: true })
  mahalleId: string | null;

  @Column({ type: 'enum', enum: TicketKind, enumName: 'ticket_kind', nullable: true })
  kind: TicketKind | null;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
