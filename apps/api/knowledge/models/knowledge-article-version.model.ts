import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { KnowledgeAudience, KnowledgeStatus } from '../../../../libs/domain/knowledge/index.js';
import { KnowledgeAudienceEnum, KnowledgeStatusEnum } from '../knowledge-enums.js';

@ObjectType('KnowledgeArticleVersion', { description: 'One version of an article, as its editor saved it.' })
export class KnowledgeArticleVersionModel {
  @Field(() => ID)
  articleId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'Whether this is the article as it is now.' })
  current!: boolean;

  @Field()
  title!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => KnowledgeStatusEnum)
  status!: KnowledgeStatus;

  @Field(() => KnowledgeAudienceEnum)
  audience!: KnowledgeAudience;

  @Field(() => ID, { nullable: true, description: 'Who wrote this version (null for imported articles).' })
  editedBy!: string | null;

  @Field({ description: 'When this version was saved.' })
  editedAt!: Date;
}
