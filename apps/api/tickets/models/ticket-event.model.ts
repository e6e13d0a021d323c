import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('TicketEvent', { description: "A line of the ticket's timeline." })
export class TicketEventModel {
  @Field(() => Int)
  sequence!: number;

  @Field({ description: 'created, status_changed, agent_replied, …' })
  type!: string;

  @Field({ description: "A user id, or 'system'." })
  actor!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => JSONScalar)
  data!: Record<string, unknown>;
}
