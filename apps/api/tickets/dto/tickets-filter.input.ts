import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional } from 'class-validator';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum } from '../../common/graphql-enums.js';

@InputType()
export class TicketsFilterInput {
  @Field(() => [TicketStatusEnum], { nullable: true })
  @IsOptional()
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @Field(() => [TicketPriorityEnum], { nullable: true })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @Field(() => [TicketChannelEnum], { nullable: true })
  @IsOptional()
  @IsIn(TICKET_CHANNELS, { each: true })
  channel?: TicketChannel[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  requesterEmail?: string;
}
