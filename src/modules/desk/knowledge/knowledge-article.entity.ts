import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { Category } from '../../categories';
import { Department } from '../../departments';

/**
 * A bilgi bankası article: the standard answer to a question citizens ask about a subject, owned by
 * the department that keeps it true, offered to the information desk until its valid-until date.
 */
@Entity('knowledge_articles')
export class KnowledgeArticle {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  /** The answer the citizen receives; may hold the canned answers' placeholders ({takipNo}, {adSoyad}, …). */
  @Column({ type: 'text' })
  body: string;

  @Index()
  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => Category, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Category;

  @Index()
  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  /** The last day (Istanbul) the answer holds; null = until changed. After it the article is not offered. */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
