import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsOptional, IsUUID } from 'class-validator';
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
}
