import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MACRO_LIMITS, MACRO_TARGET_STATUSES } from '../../../../libs/domain/macros/index.js';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketPriorityEnum, TicketStatusEnum } from '../../common/graphql-enums.js';

const NOT_BLANK = /\S/;

@InputType({ description: 'A canned reply; the body may use the ticket, customer and agent variables, e.g. {{ticket.number}}.' })
export class MacroInput {
  @Field()
  @IsString()
  @Length(1, MACRO_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field()
  @IsString()
  @Length(1, MACRO_LIMITS.bodyMaxLength)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @Field({ defaultValue: true, description: 'false: the reply is an internal note.' })
  @IsBoolean()
  public!: boolean;

  @Field(() => TicketStatusEnum, { nullable: true, description: 'OPEN, PENDING, ON_HOLD or SOLVED, set after the reply.' })
  @IsOptional()
  @IsIn(MACRO_TARGET_STATUSES, { message: `setStatus must be one of ${MACRO_TARGET_STATUSES.join(', ')}` })
  setStatus?: TicketStatus | null;

  @Field(() => TicketPriorityEnum, { nullable: true })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  setPriority?: TicketPriority | null;

  @Field(() => [String], { nullable: true, description: "Added to the ticket's tags." })
  @IsOptional()
  @ArrayMaxSize(MACRO_LIMITS.maxTags)
  @IsString({ each: true })
  @Length(1, MACRO_LIMITS.tagMaxLength, { each: true })
  addTags?: string[] | null;
}
