import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketPriorityEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

export const AT_RISK_MAX_WINDOW_MINUTES = 7 * 24 * 60;
export const AT_RISK_MAX_PAGE = 200;

@ArgsType()
export class TicketsAtRiskArgs {
  @Field(() => Int, { defaultValue: 60, description: 'Tickets whose next deadline falls within this many minutes (breached ones always count).' })
  @IsInt()
  @Min(0)
  @Max(AT_RISK_MAX_WINDOW_MINUTES)
  withinMinutes!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  groupId?: string | null;

  @Field(() => [TicketPriorityEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priorities?: TicketPriority[] | null;

  @Field(() => [TicketTypeEnum], { nullable: true, description: 'Only tickets of any of these types.' })
  @IsOptional()
  @ArrayMaxSize(TICKET_TYPES.length)
  @IsIn(TICKET_TYPES, { each: true })
  types?: TicketType[] | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(AT_RISK_MAX_PAGE)
  first!: number;
}
