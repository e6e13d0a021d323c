import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { KnowledgeArticleContent } from './knowledge-article-content.js';

/**
 * A knowledge article as it is now; its earlier versions are in knowledge_article_versions. The search vectors are
 * columns PostgreSQL generates from title, tags and body: they are not mapped, so nothing here can write them.
 */
@Entity({ name: 'knowledge_articles' })
export class KnowledgeArticleEntity extends KnowledgeArticleContent {
  @PrimaryColumn('uuid')
  id!: string;

  /** Who created it (null for imported articles). */
  @Column('uuid', { nullable: true })
  authorId!: string | null;

  /** 1 when created; every edit adds one and keeps the version it replaced. */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
