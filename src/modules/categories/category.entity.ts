import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { TicketKind, TicketPriority } from '@app/domain';
import { DeadlinePolicy } from '../sla';
import { Department } from '../departments';
import { CategoryField } from './fields/category-field';
import { Institution } from './institution.entity';

/** A subject citizens raise, mapped to the müdürlük that answers it (or the institution it goes to). */
@Entity('categories')
export class Category {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Open311 service_code. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  serviceCode: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'enum', enum: TicketKind, enumName: 'ticket_kind' })
  kind: TicketKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  defaultDepartmentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'default_department_id' })
  defaultDepartment?: Department | null;

  @Column({ type: 'uuid', nullable: true })
  referToInstitutionId: string | null;

  @ManyToOne(() => Institution, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refer_to_institution_id' })
  referToInstitution?: Institution | null;

  @Column({ type: 'uuid', nullable: true })
  deadlinePolicyId: string | null;

  @ManyToOne(() => DeadlinePolicy, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_policy_id' })
  deadlinePolicy?: DeadlinePolicy | null;

  @Column({ type: 'enum', enum: TicketPriority, enumName: 'ticket_priority', default: TicketPriority.Normal })
  defaultPriority: TicketPriority;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Extra fields its applications carry (ordered, validated on every form and in Open311). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  fields: CategoryField[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
