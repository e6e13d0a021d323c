import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { KnowledgeArticleEntity } from '../../../../libs/db/entities/knowledge-article.entity.js';
import { KnowledgeArticleContentFields } from './knowledge-article-fields.js';

@ObjectType('KnowledgeArticleUsage', { description: 'How agents use an article on tickets.' })
export class KnowledgeArticleUsageModel {
  @Field(() => Int, { description: 'Links to tickets and replies.' })
  links!: number;

  @Field(() => Int, { description: 'Distinct tickets linked.' })
  linkedTickets!: number;

  @Field(() => Int, { description: 'Tickets resolved with this article: distinct linked tickets now solved or closed.' })
  resolvedTickets!: number;
}

@ObjectType('KnowledgeArticle', { description: 'A knowledge article as staff see it.' })
export class KnowledgeArticleModel extends KnowledgeArticleContentFields {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Who created it (null for imported articles).' })
  authorId!: string | null;

  @Field(() => Int, { description: '1 when created; every edit adds one and keeps the version it replaced.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toKnowledgeArticleModel(entity: KnowledgeArticleEntity): KnowledgeArticleModel {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    tags: entity.tags,
    status: entity.status,
    audience: entity.audience,
    authorId: entity.authorId,
    editedBy: entity.editedBy,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
