import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { NoticeLocale, NoticePurpose } from './citizen-notice';

/** The municipality's own wording of a notice, replacing the shipped template of that purpose and language. */
@Entity('notice_templates')
@Index(['purpose', 'locale'], { unique: true })
export class NoticeTemplateOverride {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: NoticePurpose;

  @Column({ type: 'varchar', length: 2 })
  locale: NoticeLocale;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
