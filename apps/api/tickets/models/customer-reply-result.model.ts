import { Field, ObjectType } from '@nestjs/graphql';
import { TicketMessageModel } from './ticket-message.model.js';
import { TicketModel } from './ticket.model.js';

@ObjectType('CustomerReplyResult')
export class CustomerReplyResultModel {
  @Field(() => TicketModel, { description: 'The ticket that took the message: the same one, or its follow-up.' })
  ticket!: TicketModel;

  @Field(() => TicketMessageModel, {
    nullable: true,
    description: "The message added to the ticket; null for a follow-up, whose description is the reply (as any new ticket's is).",
  })
  message!: TicketMessageModel | null;

  @Field({ description: 'The ticket was closed, so the reply opened a follow-up ticket linked to it.' })
  followUp!: boolean;
}
