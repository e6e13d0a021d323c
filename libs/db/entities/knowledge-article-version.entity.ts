import { Column, Entity, PrimaryColumn } from 'typeorm';
import { KnowledgeArticleContent } from './knowledge-article-content.js';

/** An earlier version of a knowledge article, kept when an edit replaced it. */
@Entity({ name: 'knowledge_article_versions' })
export class KnowledgeArticleVersionEntity extends KnowledgeArticleContent {
  @PrimaryColumn('uuid')
  articleId!: string;

  @PrimaryColumn('integer')
  version!: number;

  /** When this version was saved (the article's updatedAt then). */
  @Column('timestamptz')
  editedAt!: Date;
}
