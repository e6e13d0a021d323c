import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('KnowledgeSearchClick')
export class KnowledgeSearchClickModel {
  @Field(() => ID)
  searchId!: string;

  @Field(() => ID, { description: 'The article opened first from this search (later clicks do not replace it).' })
  articleId!: string;

  @Field()
  clickedAt!: Date;
}

@ObjectType('KnowledgeSelfServiceRate', {
  description: 'Public searches in a period and how many led the customer to open an article: rate = searchesWithClick / searches.',
})
export class KnowledgeSelfServiceRateModel {
  @Field(() => Int)
  searches!: number;

  @Field(() => Int)
  searchesWithClick!: number;

  @Field(() => Float, { nullable: true, description: 'null when there was no search.' })
  rate!: number | null;
}
