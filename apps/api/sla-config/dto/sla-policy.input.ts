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
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { SLA_METRICS, type SlaMetric } from '../../../../libs/domain/sla/index.js';
import {
  TICKET_CHANNELS,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { SlaMetricEnum, TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum, TicketTypeEnum } from '../../common/graphql-enums.js';
import { EnumListField, StringListField } from '../../common/list-fields.js';
import { CONFIG_LIMITS, NOT_BLANK } from './config-limits.js';

// Types and sizes are checked here; whether the policy makes sense is validateSlaPolicy's to say.

@InputType({ description: 'A custom field (by name, ignoring case) whose value on the ticket is one of the values.' })
export class SlaFieldConditionInput {
  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  name!: string;

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: TICKET_LIMITS.formFieldMaxLength, required: true })
  values!: string[];
}

@InputType({ description: 'Which tickets the policy applies to: every non-empty list must match (AND), any value in a list (OR).' })
export class SlaPolicyConditionsInput {
  @EnumListField(TicketPriorityEnum, TICKET_PRIORITIES)
  priorities!: TicketPriority[];

  @EnumListField(TicketChannelEnum, TICKET_CHANNELS)
  channels!: TicketChannel[];

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: CONFIG_LIMITS.conditionValueMaxLength })
  organizationIds!: string[];

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: CONFIG_LIMITS.conditionValueMaxLength })
  customerTiers!: string[];

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: CONFIG_LIMITS.conditionValueMaxLength })
  groupIds!: string[];

  @StringListField({
    max: CONFIG_LIMITS.conditionValuesMax,
    maxLength: CONFIG_LIMITS.conditionValueMaxLength,
    description: 'Matches a ticket with at least one of them.',
  })
  tags!: string[];

  @EnumListField(TicketTypeEnum, TICKET_TYPES, { description: 'Ticket types (e.g. INCIDENT).' })
  ticketTypes!: TicketType[];

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: CONFIG_LIMITS.conditionValueMaxLength, description: 'Catalog services (ids): their service requests.' })
  @IsUUID('all', { each: true, message: 'serviceIds must be service ids (UUIDs)' })
  serviceIds!: string[];

  @StringListField({ max: CONFIG_LIMITS.conditionValuesMax, maxLength: CONFIG_LIMITS.conditionValueMaxLength, description: 'Catalog request items (ids): their service requests.' })
  @IsUUID('all', { each: true, message: 'requestItemIds must be request item ids (UUIDs)' })
  requestItemIds!: string[];

  @Field(() => [SlaFieldConditionInput], {
    defaultValue: [],
    description: "Custom fields: each listed field's value on the ticket is one of its values (AND between fields).",
  })
  @IsArray()
  @ArrayMaxSize(TICKET_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => SlaFieldConditionInput)
  fields!: SlaFieldConditionInput[];
}

@InputType({ description: 'How long one metric may take for tickets of one priority.' })
export class SlaTargetInput {
  @Field(() => TicketPriorityEnum)
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @Field(() => SlaMetricEnum)
  @IsIn(SLA_METRICS)
  metric!: SlaMetric;

  @Field(() => Int)
  @IsInt()
  minutes!: number;

  @Field({ defaultValue: true, description: "true: counted in the policy calendar's business hours; false: calendar time (24x7)." })
  @IsBoolean()
  businessHours!: boolean;
}

@InputType({ description: "The ticket statuses in which a metric's clock stands still." })
export class SlaPauseRuleInput {
  @Field(() => SlaMetricEnum)
  @IsIn(SLA_METRICS)
  metric!: SlaMetric;

  @EnumListField(TicketStatusEnum, TICKET_STATUSES, { required: true })
  statuses!: TicketStatus[];
}

const NO_CONDITIONS = {
  priorities: [],
  channels: [],
  organizationIds: [],
  customerTiers: [],
  groupIds: [],
  tags: [],
  ticketTypes: [],
  serviceIds: [],
  requestItemIds: [],
  fields: [],
};

@InputType({
  description:
    'A whole SLA policy: creating one, or replacing one on update (omitted fields take their defaults, except position and active, which an update leaves as they are).',
})
export class SlaPolicyInput {
  @Field({ description: 'Unique.' })
  @IsString()
  @Length(1, CONFIG_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Where the policy goes in the order they are tried (0 = first); the others move to make room. Default on create: last.',
  })
  @IsOptional()
  @IsInt()
  position?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Inactive policies are never applied. Default on create: true.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => SlaPolicyConditionsInput, { defaultValue: NO_CONDITIONS, description: 'Default: every ticket.' })
  @ValidateNested()
  @Type(() => SlaPolicyConditionsInput)
  conditions!: SlaPolicyConditionsInput;

  @Field(() => [SlaTargetInput], { description: 'At least one; each (priority, metric) at most once.' })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.targetsMax)
  @ValidateNested({ each: true })
  @Type(() => SlaTargetInput)
  targets!: SlaTargetInput[];

  @Field(() => [SlaPauseRuleInput], {
    defaultValue: [{ metric: 'resolution', statuses: ['pending', 'on_hold'] }],
    description: 'Each metric at most once; only PENDING and ON_HOLD can pause a clock.',
  })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.pauseRulesMax)
  @ValidateNested({ each: true })
  @Type(() => SlaPauseRuleInput)
  pauseWhile!: SlaPauseRuleInput[];

  @Field(() => [Int], { defaultValue: [75, 90], description: 'Percents of a target at which to warn, ascending; [] for none.' })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.thresholdsMax)
  @IsInt({ each: true })
  warningThresholds!: number[];

  @Field(() => ID, { nullable: true, description: 'The business calendar of business-hours targets; null: 24x7.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'calendarId must be a business calendar id (a UUID)' })
  calendarId?: string | null;

  @Field(() => ID, { nullable: true, description: 'What to do on warnings and breaches; null: nothing.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'escalationPolicyId must be an escalation policy id (a UUID)' })
  escalationPolicyId?: string | null;
}
