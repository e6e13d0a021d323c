import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { KnowledgeArticleContentFields } from './knowledge-article-fields.js';

@ObjectType('KnowledgeArticleVersion', { description: 'One version of an article, as its editor saved it.' })
export class KnowledgeArticleVersionModel extends KnowledgeArticleContentFields {
  @Field(() => ID)
  articleId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'Whether this is the article as it is now.' })
  current!: boolean;

  @Field({ description: 'When this version was saved.' })
  editedAt!: Date;
}
