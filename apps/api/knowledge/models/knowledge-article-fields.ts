import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { KnowledgeAudience, KnowledgeStatus } from '../../../../libs/domain/knowledge/index.js';
import { KnowledgeAudienceEnum, KnowledgeStatusEnum } from '../knowledge-enums.js';

/** What anyone who may read an article reads. */
@ObjectType({ isAbstract: true })
export abstract class KnowledgeArticleTextFields {
  @Field()
  title!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => [String])
  tags!: string[];
}

/** One version of an article as staff see it. */
@ObjectType({ isAbstract: true })
export abstract class KnowledgeArticleContentFields extends KnowledgeArticleTextFields {
  @Field(() => KnowledgeStatusEnum)
  status!: KnowledgeStatus;

  @Field(() => KnowledgeAudienceEnum)
  audience!: KnowledgeAudience;

  @Field(() => ID, { nullable: true, description: 'Who wrote this version (null for imported articles).' })
  editedBy!: string | null;
}
