import { Field, ObjectType } from '@nestjs/graphql';
import { TicketModel } from './ticket.model.js';

@ObjectType('TicketMergeResult')
export class TicketMergeResultModel {
  @Field(() => TicketModel, { description: 'Closed; its timeline ends with a `merged` event.' })
  duplicate!: TicketModel;

  @Field(() => TicketModel, { description: 'Its timeline notes the merge (`merged_in`).' })
  primary!: TicketModel;
}
