import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BacklogAgeBucket')
export class BacklogAgeBucketModel {
  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('BacklogGroup')
export class BacklogGroupModel {
  @Field({ description: "The dimension's value ('(none)' where empty)." })
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('TicketBacklog', { description: 'Tickets created by an instant and not solved or closed by then.' })
export class TicketBacklogModel {
  @Field()
  at!: Date;

  @Field(() => Int)
  open!: number;

  @Field(() => [BacklogAgeBucketModel], { description: 'Age from creation to the instant, calendar time.' })
  ageBuckets!: BacklogAgeBucketModel[];

  @Field(() => [BacklogGroupModel], { description: 'Busiest first; empty when not grouped.' })
  groups!: BacklogGroupModel[];
}
