import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import {
  TICKET_CHANNELS,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { SEARCH_QUERY_MAX_LENGTH } from '../../../../libs/domain/knowledge/search-query.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum, TicketTypeEnum } from '../../common/graphql-enums.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { CLASSIFICATION_LIMITS } from './ticket-classification.fields.js';
import { TicketFieldInput } from './ticket-field.input.js';
import { InstantRangeInput, TicketAssigneeFilterInput, TicketSlaFilterInput } from './ticket-list-filters.input.js';

/** The most values one list filter takes (ids, tags, fields): a worklist, not a bulk export. */
export const FILTER_MAX_VALUES = 50;

/** Every filter given must hold (AND); a list inside one filter is any of its values (OR), except tags and fields (all). */
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

  @Field(() => [TicketTypeEnum], { nullable: true, description: 'Of any of these types.' })
  @IsOptional()
  @IsIn(TICKET_TYPES, { each: true })
  types?: TicketType[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  requesterEmail?: string;

  @Field(() => TicketAssigneeFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketAssigneeFilterInput)
  assignee?: TicketAssigneeFilterInput;

  @Field(() => [String], { nullable: true, description: 'In any of these groups.' })
  @IsOptional()
  @ArrayMaxSize(FILTER_MAX_VALUES)
  @IsString({ each: true })
  @Length(1, CLASSIFICATION_LIMITS.idMaxLength, { each: true })
  groupIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Service requests of any of these catalog services.' })
  @IsOptional()
  @ArrayMaxSize(FILTER_MAX_VALUES)
  @IsUUID('all', { each: true, message: 'serviceIds must be service ids (UUIDs)' })
  serviceIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Of any of these organizations.' })
  @IsOptional()
  @ArrayMaxSize(FILTER_MAX_VALUES)
  @IsString({ each: true })
  @Length(1, CLASSIFICATION_LIMITS.idMaxLength, { each: true })
  organizationIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Carrying every one of these tags.' })
  @IsOptional()
  @ArrayMaxSize(CLASSIFICATION_LIMITS.maxTags)
  @IsString({ each: true })
  @Length(1, CLASSIFICATION_LIMITS.tagMaxLength, { each: true })
  tags?: string[];

  @Field(() => [TicketFieldInput], { nullable: true, description: 'Custom fields: every one must have exactly this value.' })
  @IsOptional()
  @ArrayMaxSize(TICKET_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => TicketFieldInput)
  fields?: TicketFieldInput[];

  @Field(() => InstantRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstantRangeInput)
  createdAt?: InstantRangeInput;

  @Field(() => InstantRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstantRangeInput)
  updatedAt?: InstantRangeInput;

  @Field(() => TicketSlaFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketSlaFilterInput)
  sla?: TicketSlaFilterInput;

  @Field({
    nullable: true,
    description: 'Full text over subject, description and messages (english stemming; "phrases", or, -excluded as on the web).',
  })
  @IsOptional()
  @IsString()
  @Length(1, SEARCH_QUERY_MAX_LENGTH)
  search?: string;
}
