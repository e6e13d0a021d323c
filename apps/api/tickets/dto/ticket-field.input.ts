import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType({ description: 'A form field of the ticket, e.g. { name: "product", value: "X" }.' })
export class TicketFieldInput {
  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  name!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  value!: string;
}
