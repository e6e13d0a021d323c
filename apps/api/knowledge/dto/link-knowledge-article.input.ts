import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@InputType({ description: 'Linking the same article to the same ticket (or reply) again returns the existing link.' })
export class LinkKnowledgeArticleInput {
  @Field(() => ID, { description: 'A published article.' })
  @IsUUID()
  articleId!: string;

  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => ID, { nullable: true, description: 'A reply on that ticket the article was given in; leave out for the ticket as a whole.' })
  @IsOptional()
  @IsUUID()
  messageId?: string | null;
}
