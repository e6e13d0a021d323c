import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType({ description: "A customer's message logged by an agent (a phone call, a chat transcript)." })
export class RecordCustomerReplyInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.messageMaxLength)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}
