import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { KnowledgeArticle } from './knowledge-article.entity';

/** A ticket answered with an article ("bilgi verildi"): what the figures of the most used articles count. */
@Entity('knowledge_answers')
@Index(['articleId', 'answeredAt'])
export class KnowledgeAnswer {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'uuid' })
  articleId: string;

  @ManyToOne(() => KnowledgeArticle, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: KnowledgeArticle;

  @Index()
  @Column({ type: 'uuid' })
  ticketId: string;

  /** The ticket's channel: 'phone' is a call answered with the article. */
  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  answeredAt: Date;
}
