import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

/** A message on a ticket, from an agent or a customer. */
@InputType({ isAbstract: true })
export abstract class TicketMessageFields {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.messageMaxLength)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}
