import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SlaPolicyEntity } from '../../../../libs/db/entities/sla-policy.entity.js';
import { SLA_METRICS, type SlaMetric } from '../../../../libs/domain/sla/index.js';
import { TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { SlaMetricEnum, TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

@ObjectType('SlaFieldCondition', { description: 'A custom field (by name, ignoring case) whose value is one of the values.' })
export class SlaFieldConditionModel {
  @Field()
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@ObjectType('SlaPolicyConditions', { description: 'Every non-empty list must match (AND), any value in a list (OR); all empty: every ticket.' })
export class SlaPolicyConditionsModel {
  @Field(() => [TicketPriorityEnum])
  priorities!: TicketPriority[];

  @Field(() => [TicketChannelEnum])
  channels!: TicketChannel[];

  @Field(() => [String])
  organizationIds!: string[];

  @Field(() => [String])
  customerTiers!: string[];

  @Field(() => [String])
  groupIds!: string[];

  @Field(() => [String])
  tags!: string[];

  @Field(() => [TicketTypeEnum])
  ticketTypes!: TicketType[];

  @Field(() => [String], { description: 'Catalog services (ids).' })
  serviceIds!: string[];

  @Field(() => [String], { description: 'Catalog request items (ids).' })
  requestItemIds!: string[];

  @Field(() => [SlaFieldConditionModel], { description: "Custom fields: each one's value on the ticket is one of its values." })
  fields!: SlaFieldConditionModel[];
}

@ObjectType('SlaTarget', { description: 'How long one metric may take for tickets of one priority.' })
export class SlaTargetModel {
  @Field(() => TicketPriorityEnum)
  priority!: TicketPriority;

  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => Int)
  minutes!: number;

  @Field({ description: "true: business hours of the policy's calendar; false: calendar time." })
  businessHours!: boolean;
}

@ObjectType('SlaPauseRule', { description: "The ticket statuses in which a metric's clock stands still." })
export class SlaPauseRuleModel {
  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => [TicketStatusEnum])
  statuses!: TicketStatus[];
}

@ObjectType('SlaPolicy', { description: 'Targets for the tickets its conditions match; the first active policy by position applies.' })
export class SlaPolicyModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: '0 is tried first.' })
  position!: number;

  @Field()
  active!: boolean;

  @Field(() => SlaPolicyConditionsModel)
  conditions!: SlaPolicyConditionsModel;

  @Field(() => [SlaTargetModel], { description: 'By priority (lowest first), then metric.' })
  targets!: SlaTargetModel[];

  @Field(() => [SlaPauseRuleModel])
  pauseWhile!: SlaPauseRuleModel[];

  @Field(() => [Int])
  warningThresholds!: number[];

  @Field(() => ID, { nullable: true, description: 'null: the built-in 24x7 calendar.' })
  calendarId!: string | null;

  @Field(() => ID, { nullable: true, description: 'null: no escalation.' })
  escalationPolicyId!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toSlaPolicyModel(entity: SlaPolicyEntity): SlaPolicyModel {
  const { conditions } = entity;
  return {
    id: entity.id,
    name: entity.name,
    position: entity.position,
    active: entity.active,
    conditions: {
      priorities: conditions.priorities ?? [],
      channels: conditions.channels ?? [],
      organizationIds: conditions.organizationIds ?? [],
      customerTiers: conditions.customerTiers ?? [],
      groupIds: conditions.groupIds ?? [],
      tags: conditions.tags ?? [],
      ticketTypes: conditions.ticketTypes ?? [],
      serviceIds: conditions.serviceIds ?? [],
      requestItemIds: conditions.requestItemIds ?? [],
      fields: conditions.fields ?? [],
    },
    targets: TICKET_PRIORITIES.flatMap((priority) =>
      SLA_METRICS.flatMap((metric) => {
        const target = entity.targets[priority]?.[metric];
        return target ? [{ priority, metric, minutes: target.minutes, businessHours: target.businessHours }] : [];
      }),
    ),
    pauseWhile: SLA_METRICS.flatMap((metric) => {
      const statuses = entity.pauseWhile[metric];
      return statuses ? [{ metric, statuses }] : [];
    }),
    warningThresholds: entity.warningThresholds,
    calendarId: entity.calendarId,
    escalationPolicyId: entity.escalationPolicyId,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
