import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TicketMessageFields } from './ticket-message.fields.js';

@InputType({ description: "A customer's message logged by an agent (a phone call, a chat transcript)." })
export class RecordCustomerReplyInput extends TicketMessageFields {
  @Field({
    nullable: true,
    description: 'Retrying with the same key records the reply once: the same message, or the same follow-up ticket.',
  })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_LIMITS.idempotencyKeyMaxLength)
  idempotencyKey?: string;
}
