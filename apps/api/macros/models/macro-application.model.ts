import { Field, ObjectType } from '@nestjs/graphql';
import { TicketMessageModel } from '../../tickets/models/ticket-message.model.js';
import { TicketModel } from '../../tickets/models/ticket.model.js';

@ObjectType('MacroApplication')
export class MacroApplicationModel {
  @Field(() => TicketMessageModel, { description: 'The reply the macro wrote.' })
  message!: TicketMessageModel;

  @Field(() => TicketModel, { description: 'The ticket after the reply and the status, priority and tag changes.' })
  ticket!: TicketModel;
}
