import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum DepartmentLevel {
  Baskanlik = 'baskanlik',
  BaskanYardimciligi = 'baskan_yardimciligi',
  Mudurluk = 'mudurluk',
}

/** The level a department's parent must have: müdürlük → başkan yardımcılığı → başkanlık. */
export const PARENT_LEVEL: Record<DepartmentLevel, DepartmentLevel | null> = {
  [DepartmentLevel.Baskanlik]: null,
  [DepartmentLevel.BaskanYardimciligi]: DepartmentLevel.Baskanlik,
  [DepartmentLevel.Mudurluk]: DepartmentLevel.BaskanYardimciligi,
};

export interface EscalationContact {
  name: string;
  title?: string;
  email?: string;
  phone?: string;
}

@Entity('departments')
export class Department {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'enum', enum: DepartmentLevel, enumName: 'department_level' })
  level: DepartmentLevel;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Department | null;

  @Column({ type: 'uuid', nullable: true })
  managerUserId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Who hears about breaches beyond the manager: by system, e-mail and SMS. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  escalationContacts: EscalationContact[];

  /** Hand new tickets round-robin to available staff, at most `maxOpenPerAssignee` each. */
  @Column({ type: 'boolean', default: false })
  autoAssign: boolean;

  @Column({ type: 'int', default: 25 })
  maxOpenPerAssignee: number;

  /** The ladder's last step: working hours after a breach, the level above hears of it; null = never. */
  @Column({ type: 'int', nullable: true, default: 16 })
  escalateAfterBreachHours: number | null;

  /** At a breach, take the ticket off its assignee and hand it to the next available colleague. */
  @Column({ type: 'boolean', default: false })
  reassignOnBreach: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
