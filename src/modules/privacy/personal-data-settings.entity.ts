import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one row of the periodic destruction's schedule, which admins set (at most every 180 days). */
@Entity('personal_data_settings')
export class PersonalDataSettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'int', default: 180 })
  destructionIntervalDays: number;

  /** When the next destruction is due; null = at the next sweep. */
  @Column({ type: 'timestamptz', nullable: true })
  nextDestructionAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
