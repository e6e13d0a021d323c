import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ARRIVAL_WINDOWS, type ArrivalWindow } from '../../../../libs/domain/routing/index.js';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketTypeEnum } from '../../common/graphql-enums.js';
import { NOT_BLANK } from '../../sla-config/dto/config-limits.js';
import { EnumListField, StringListField } from '../../common/list-fields.js';
import { ArrivalWindowEnum } from '../routing-enums.js';
import { ROUTING_LIMITS } from './routing-limits.js';

// Types and sizes are checked here; whether the rule makes sense is validateRoutingRule's to say.

@InputType({ description: 'The allowed values of one form field (any of them matches).' })
export class RoutingFieldValuesInput {
  @Field()
  @IsString()
  @MaxLength(ROUTING_LIMITS.nameMaxLength)
  name!: string;

  @StringListField({ max: ROUTING_LIMITS.valuesMax, maxLength: ROUTING_LIMITS.valueMaxLength, required: true })
  values!: string[];
}

@InputType({ description: 'Every criterion given must match (AND); any value of a list (OR). Empty lists are no criterion.' })
export class RoutingCriteriaInput {
  @EnumListField(TicketChannelEnum, TICKET_CHANNELS)
  channels!: TicketChannel[];

  @StringListField({
    max: ROUTING_LIMITS.valuesMax,
    maxLength: ROUTING_LIMITS.valueMaxLength,
    description: 'Lowercase addresses.',
  })
  requesterEmails!: string[];

  @StringListField({
    max: ROUTING_LIMITS.valuesMax,
    maxLength: ROUTING_LIMITS.valueMaxLength,
    description: 'Lowercase, without "@"; matched exactly (not subdomains).',
  })
  requesterDomains!: string[];

  @StringListField({ max: ROUTING_LIMITS.valuesMax, maxLength: ROUTING_LIMITS.valueMaxLength })
  organizationIds!: string[];

  @StringListField({ max: ROUTING_LIMITS.valuesMax, maxLength: ROUTING_LIMITS.valueMaxLength })
  customerTiers!: string[];

  @EnumListField(TicketPriorityEnum, TICKET_PRIORITIES)
  priorities!: TicketPriority[];

  @EnumListField(TicketTypeEnum, TICKET_TYPES, { description: 'Ticket types; a ticket of any of them matches.' })
  ticketTypes!: TicketType[];

  @Field(() => [RoutingFieldValuesInput], { defaultValue: [], description: 'Every field listed must match.' })
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.fieldsMax)
  @ValidateNested({ each: true })
  @Type(() => RoutingFieldValuesInput)
  fields!: RoutingFieldValuesInput[];

  @StringListField({
    max: ROUTING_LIMITS.keywordsMax,
    maxLength: ROUTING_LIMITS.valueMaxLength,
    description: 'Whole words or phrases in the subject or the description.',
  })
  keywords!: string[];

  @Field(() => String, { nullable: true, description: 'A JavaScript regular expression, case-insensitive, on subject + description.' })
  @IsOptional()
  @IsString()
  @MaxLength(ROUTING_LIMITS.patternMaxLength)
  pattern?: string | null;

  @Field(() => ArrivalWindowEnum, { nullable: true, description: 'Needs calendarId.' })
  @IsOptional()
  @IsIn(ARRIVAL_WINDOWS)
  arrival?: ArrivalWindow | null;

  @Field(() => ID, { nullable: true, description: 'The business calendar arrival is judged by.' })
  @IsOptional()
  @IsString()
  @MaxLength(ROUTING_LIMITS.nameMaxLength)
  calendarId?: string | null;
}

@InputType()
export class RequiredSkillInput {
  @Field()
  @IsString()
  @MaxLength(ROUTING_LIMITS.nameMaxLength)
  skill!: string;

  @Field(() => Int, { description: '1..5' })
  @IsInt()
  minLevel!: number;
}

@InputType({ description: 'What happens to a ticket the rule takes.' })
export class RoutingResultInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(ROUTING_LIMITS.nameMaxLength)
  groupId!: string;

  @Field(() => [RequiredSkillInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.skillsMax)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills!: RequiredSkillInput[];

  @Field(() => Int, { defaultValue: 0, description: '−3..+3 steps of priority.' })
  @IsInt()
  priorityAdjustment!: number;

  @StringListField({ max: ROUTING_LIMITS.tagsMax, maxLength: ROUTING_LIMITS.nameMaxLength })
  tags!: string[];
}

@InputType({ description: 'A whole routing rule: creating one, or replacing one on update.' })
export class RoutingRuleInput {
  @Field({ description: 'Unique.' })
  @IsString()
  @Length(1, ROUTING_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Where the rule goes in the order (0 first); default: last, or unchanged on update.' })
  @IsOptional()
  @IsInt()
  position?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default: true on create, unchanged on update.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => RoutingCriteriaInput)
  @ValidateNested()
  @Type(() => RoutingCriteriaInput)
  criteria!: RoutingCriteriaInput;

  @Field(() => RoutingResultInput)
  @ValidateNested()
  @Type(() => RoutingResultInput)
  result!: RoutingResultInput;
}

@InputType({ description: 'A rule of a draft rule set for the simulator; nothing is saved.' })
export class RoutingRuleDraftInput {
  @Field(() => ID, { nullable: true, description: 'Default: draft-<index>.' })
  @IsOptional()
  @IsString()
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, ROUTING_LIMITS.nameMaxLength)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the place in the list.' })
  @IsOptional()
  @IsInt()
  position?: number | null;

  @Field(() => RoutingCriteriaInput)
  @ValidateNested()
  @Type(() => RoutingCriteriaInput)
  criteria!: RoutingCriteriaInput;

  @Field(() => RoutingResultInput)
  @ValidateNested()
  @Type(() => RoutingResultInput)
  result!: RoutingResultInput;
}
