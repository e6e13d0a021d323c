import { Column } from 'typeorm';
import type { KnowledgeAudience, KnowledgeStatus } from '../../domain/knowledge/knowledge-article.js';

/** What one version of a knowledge article says and who wrote it: the current article and each kept version. */
export abstract class KnowledgeArticleContent {
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

  /** Who wrote this version (null for imported articles). */
  @Column('uuid', { nullable: true })
  editedBy!: string | null;
}
