import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType({ description: 'An address copied on the ticket: it receives the public replies, and its mail threads onto the ticket.' })
export class TicketCollaboratorInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(TICKET_LIMITS.emailMaxLength)
  email!: string;
}
