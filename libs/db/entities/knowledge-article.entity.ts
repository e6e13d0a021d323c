import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { KnowledgeAudience, KnowledgeStatus } from '../../domain/knowledge/knowledge-article.js';

/**
 * A knowledge article as it is now; its earlier versions are in knowledge_article_versions. The search vector is a
 * column PostgreSQL generates from title, tags and body: it is not mapped, so nothing here can write it.
 */
@Entity({ name: 'knowledge_articles' })
export class KnowledgeArticleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** Markdown. */
  @Column('text')
  body!: string;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text')
  status!: KnowledgeStatus;

  @Column('text')
  audience!: KnowledgeAudience;

  @Column('uuid', { nullable: true })
  authorId!: string | null;

  /** Who wrote the current version (null for imported articles). */
  @Column('uuid', { nullable: true })
  editedBy!: string | null;

  /** 1 when created; every edit adds one and keeps the version it replaced. */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
