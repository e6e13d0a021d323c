import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TicketPriorityEnum } from '../../common/graphql-enums.js';
import { TicketClassificationFields } from './ticket-classification.fields.js';

/** Only the fields given change; the SLA policy is chosen again and the clocks re-targeted. */
@InputType()
export class ReclassifyTicketInput extends TicketClassificationFields {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => TicketPriorityEnum, { nullable: true })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority | null;
}
