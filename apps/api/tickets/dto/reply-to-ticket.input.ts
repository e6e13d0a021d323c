import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';
import { MAX_ATTACHMENTS_PER_REPLY } from '../reply-attachments.js';
import { TicketMessageFields } from './ticket-message.fields.js';

@InputType()
export class ReplyToTicketInput extends TicketMessageFields {
  @Field({ defaultValue: true, description: 'false for an internal note the customer never sees.' })
  @IsBoolean()
  public!: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: `Files uploaded with POST /tickets/:id/attachments, sent with the reply's mail (at most ${MAX_ATTACHMENTS_PER_REPLY}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS_PER_REPLY)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @Field({
    nullable: true,
    description: 'Retrying with the same key records the reply once: the same message, told to the ticket once.',
  })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_LIMITS.idempotencyKeyMaxLength)
  idempotencyKey?: string;
}
