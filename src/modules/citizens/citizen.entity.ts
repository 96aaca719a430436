import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

@Entity('citizens')
export class Citizen {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 160, nullable: true })
  fullName: string | null;

  /** E.164. */
  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  /** HMAC of the TC Kimlik No: matchable, never readable. */
  @Index()
  @Column({ type: 'char', length: 64, nullable: true })
  tcKimlikHash: string | null;

  /** The last two digits, shown masked so staff can confirm with the caller. */
  @Column({ type: 'char', length: 2, nullable: true })
  tcKimlikLast2: string | null;

  /** KVKK: may the municipality contact the citizen about the application (SMS, e-mail, WhatsApp). */
  @Column({ type: 'boolean', default: false })
  contactConsent: boolean;

  /** KVKK: explicit consent for satisfaction surveys and announcements. */
  @Column({ type: 'boolean', default: false })
  marketingConsent: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;

  /** The citizen asked to receive no messages at all from the system (KVKK objection). */
  @Column({ type: 'timestamptz', nullable: true })
  optedOutAt: Date | null;

  /** KVKK: the record anonymised (erased on request or at the end of its retention); only the id remains. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** The language of the messages the citizen receives. */
  @Column({ type: 'varchar', length: 2, default: 'tr' })
  locale: 'tr' | 'en';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
