import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType({ description: 'Solve a problem and, with it, its linked incidents still worked.' })
export class SolveProblemInput {
  @Field(() => ID, { description: 'A ticket of type problem.' })
  @IsUUID()
  problemId!: string;

  @Field({
    description:
      'The public reply each incident’s requester gets, once: a template whose {{variables}} (ticket.number, ticket.subject, ' +
      'customer.name, … as in macros) are filled with that incident’s. Kept on the problem as an internal note.',
  })
  @IsString()
  @Length(1, TICKET_LIMITS.messageMaxLength)
  replyToIncidents!: string;
}
