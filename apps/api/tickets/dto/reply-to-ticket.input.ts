import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, Length, Matches } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType()
export class ReplyToTicketInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.messageMaxLength)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  @Field({ defaultValue: true, description: 'false for an internal note the customer never sees.' })
  @IsBoolean()
  public!: boolean;
}
