import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { TICKET_STATUSES, type TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketStatusEnum } from '../../common/graphql-enums.js';

@InputType()
export class ChangeTicketStatusInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => TicketStatusEnum)
  @IsIn(TICKET_STATUSES)
  status!: TicketStatus;
}
