import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketTypeEnum } from '../../common/graphql-enums.js';
import { TicketFieldInput } from '../../tickets/dto/ticket-field.input.js';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

const MAX_VALUES = 100;

@InputType({ description: 'Which tickets a report or the backlog reads (all fields given must hold; a list matches any of its values).' })
export class ReportTicketFilterInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  groupIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Assignees (user ids).' })
  @IsOptional()
  @ArrayMaxSize(MAX_VALUES)
  @IsUUID('all', { each: true })
  agentIds?: string[] | null;

  @Field(() => [TicketChannelEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(TICKET_CHANNELS.length)
  @IsIn(TICKET_CHANNELS, { each: true })
  channels?: TicketChannel[] | null;

  @Field(() => [TicketPriorityEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priorities?: TicketPriority[] | null;

  @Field(() => [TicketTypeEnum], { nullable: true, description: 'Ticket types (the type each ticket has now).' })
  @IsOptional()
  @ArrayMaxSize(TICKET_TYPES.length)
  @IsIn(TICKET_TYPES, { each: true })
  types?: TicketType[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  organizationIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tickets carrying any of these tags.' })
  @IsOptional()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  tags?: string[] | null;

  @Field(() => [TicketFieldInput], { nullable: true, description: 'Custom fields: tickets holding every one with exactly this value (as stored: a defined field under its name, in its one spelling).' })
  @IsOptional()
  @ArrayMaxSize(TICKET_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => TicketFieldInput)
  fields?: TicketFieldInput[] | null;

  @Field({ defaultValue: false, description: 'Leave out the tickets a data migration brought in.' })
  @IsBoolean()
  excludeImported!: boolean;
}
