import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KnowledgeAudience, KnowledgeStatus } from '../../domain/knowledge/knowledge-article.js';

/** An earlier version of a knowledge article, kept when an edit replaced it. */
@Entity({ name: 'knowledge_article_versions' })
export class KnowledgeArticleVersionEntity {
  @PrimaryColumn('uuid')
  articleId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text')
  status!: KnowledgeStatus;

  @Column('text')
  audience!: KnowledgeAudience;

  /** Who wrote this version, and when. */
  @Column('uuid', { nullable: true })
  editedBy!: string | null;

  @Column('timestamptz')
  editedAt!: Date;
}
