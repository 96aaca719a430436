import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { IdentityKind } from '@app/domain';
import { Citizen } from './citizen.entity';

/** One way a citizen reaches us; the same person can have several. */
@Entity('citizen_identities')
@Index(['kind', 'value'], { unique: true })
export class ChannelIdentity {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  @Column({ type: 'enum', enum: IdentityKind, enumName: 'identity_kind' })
  kind: IdentityKind;

  /** E.164 phone, WhatsApp id or lower-cased e-mail address. */
  @Column({ type: 'varchar', length: 200 })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
