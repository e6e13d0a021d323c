import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { TicketMessageFields } from './ticket-message.fields.js';

@InputType()
export class ReplyToTicketInput extends TicketMessageFields {
  @Field({ defaultValue: true, description: 'false for an internal note the customer never sees.' })
  @IsBoolean()
  public!: boolean;
}
