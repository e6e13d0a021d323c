import { Field, ID, ObjectType } from '@nestjs/graphql';
import { KnowledgeArticleModel } from './knowledge-article.model.js';

@ObjectType('KnowledgeArticleLink', { description: 'An article an agent linked to a ticket, or to one reply on it.' })
export class KnowledgeArticleLinkModel {
  @Field(() => ID)
  id!: string;

  @Field(() => KnowledgeArticleModel)
  article!: KnowledgeArticleModel;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => ID, { nullable: true, description: 'The reply the article was linked in; null: the ticket as a whole.' })
  messageId!: string | null;

  @Field(() => ID)
  linkedBy!: string;

  @Field()
  linkedAt!: Date;
}
