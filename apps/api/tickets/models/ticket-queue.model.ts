import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketQueue', { description: "A group's queue of tickets, as the caller may open it in the inbox." })
export class TicketQueueModel {
  @Field(() => ID, { description: 'The group id (filter tickets with groupIds).' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The caller is a member of the group.' })
  member!: boolean;
}
