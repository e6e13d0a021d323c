import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketMessage')
export class TicketMessageModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'agent or customer' })
  authorType!: string;

  @Field(() => ID, { nullable: true })
  authorUserId!: string | null;

  @Field()
  body!: string;

  @Field()
  isPublic!: boolean;

  @Field()
  createdAt!: Date;
}
