import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RoutingRuleEntity } from '../../../../libs/db/entities/routing-rule.entity.js';
import type { ArrivalWindow } from '../../../../libs/domain/routing/index.js';
import type { TicketChannel, TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketTypeEnum } from '../../common/graphql-enums.js';
import { ArrivalWindowEnum } from '../routing-enums.js';

@ObjectType('RoutingFieldValues', { description: 'The allowed values of one form field.' })
export class RoutingFieldValuesModel {
  @Field()
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@ObjectType('RoutingCriteria', { description: 'Every criterion given must match (AND); any value of a list (OR). Empty lists: no criterion.' })
export class RoutingCriteriaModel {
  @Field(() => [TicketChannelEnum])
  channels!: TicketChannel[];

  @Field(() => [String])
  requesterEmails!: string[];

  @Field(() => [String])
  requesterDomains!: string[];

  @Field(() => [String])
  organizationIds!: string[];

  @Field(() => [String])
  customerTiers!: string[];

  @Field(() => [TicketPriorityEnum])
  priorities!: TicketPriority[];

  @Field(() => [TicketTypeEnum])
  ticketTypes!: TicketType[];

  @Field(() => [RoutingFieldValuesModel])
  fields!: RoutingFieldValuesModel[];

  @Field(() => [String])
  keywords!: string[];

  @Field(() => String, { nullable: true, description: 'A JavaScript regular expression, case-insensitive.' })
  pattern!: string | null;

  @Field(() => ArrivalWindowEnum, { nullable: true })
  arrival!: ArrivalWindow | null;

  @Field(() => ID, { nullable: true, description: 'The business calendar arrival is judged by.' })
  calendarId!: string | null;
}

@ObjectType('RequiredSkill')
export class RequiredSkillModel {
  @Field()
  skill!: string;

  @Field(() => Int, { description: '1..5' })
  minLevel!: number;
}

@ObjectType('RoutingResult', { description: 'What happens to a ticket the rule takes.' })
export class RoutingResultModel {
  @Field(() => ID)
  groupId!: string;

  @Field(() => [RequiredSkillModel])
  requiredSkills!: RequiredSkillModel[];

  @Field(() => Int, { description: 'Steps up (+) or down (−) the priority list, −3..+3.' })
  priorityAdjustment!: number;

  @Field(() => [String])
  tags!: string[];
}

@ObjectType('RoutingRule', { description: 'Active rules are tried by ascending position; the first that matches routes the ticket.' })
export class RoutingRuleModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  active!: boolean;

  @Field(() => RoutingCriteriaModel)
  criteria!: RoutingCriteriaModel;

  @Field(() => RoutingResultModel)
  result!: RoutingResultModel;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('RoutingRuleRef')
export class RoutingRuleRefModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('ShadowedRoutingRule', { description: '`rule` can never fire: `by` is tried before it and takes every ticket it would.' })
export class ShadowedRoutingRuleModel {
  @Field(() => RoutingRuleRefModel)
  rule!: RoutingRuleRefModel;

  @Field(() => RoutingRuleRefModel)
  by!: RoutingRuleRefModel;

  @Field()
  explanation!: string;
}

@ObjectType('OverlappingRoutingRules', {
  description: 'Some ticket matches both rules, which route to different groups; `first` is tried first and wins.',
})
export class OverlappingRoutingRulesModel {
  @Field(() => RoutingRuleRefModel)
  first!: RoutingRuleRefModel;

  @Field(() => RoutingRuleRefModel)
  second!: RoutingRuleRefModel;

  @Field()
  explanation!: string;
}

@ObjectType('RoutingRuleConflicts', { description: 'The conflicts of the active rule set.' })
export class RoutingRuleConflictsModel {
  @Field(() => [ShadowedRoutingRuleModel])
  shadowed!: ShadowedRoutingRuleModel[];

  @Field(() => [OverlappingRoutingRulesModel])
  overlaps!: OverlappingRoutingRulesModel[];
}

@ObjectType('RoutingRulePayload', { description: 'The saved rule, and the conflicts of the active rule set it leaves.' })
export class RoutingRulePayloadModel {
  @Field(() => RoutingRuleModel)
  rule!: RoutingRuleModel;

  @Field(() => RoutingRuleConflictsModel)
  conflicts!: RoutingRuleConflictsModel;
}

@ObjectType('DeleteRoutingRulePayload')
export class DeleteRoutingRulePayloadModel {
  @Field(() => ID)
  deletedId!: string;

  @Field(() => RoutingRuleConflictsModel)
  conflicts!: RoutingRuleConflictsModel;
}

@ObjectType('RoutingRulesPayload')
export class RoutingRulesPayloadModel {
  @Field(() => [RoutingRuleModel], { description: 'In the order they are tried.' })
  rules!: RoutingRuleModel[];

  @Field(() => RoutingRuleConflictsModel)
  conflicts!: RoutingRuleConflictsModel;
}

export function toRoutingRuleModel(entity: RoutingRuleEntity): RoutingRuleModel {
  const c = entity.criteria;
  const r = entity.result;
  return {
    id: entity.id,
    name: entity.name,
    position: entity.position,
    active: entity.active,
    criteria: {
      channels: c.channels ?? [],
      requesterEmails: c.requesterEmails ?? [],
      requesterDomains: c.requesterDomains ?? [],
      organizationIds: c.organizationIds ?? [],
      customerTiers: c.customerTiers ?? [],
      priorities: c.priorities ?? [],
      ticketTypes: c.ticketTypes ?? [],
      fields: Object.entries(c.fields ?? {}).map(([name, values]) => ({ name, values })),
      keywords: c.keywords ?? [],
      pattern: c.pattern ?? null,
      arrival: c.arrival ?? null,
      calendarId: c.calendarId ?? null,
    },
    result: {
      groupId: r.groupId,
      requiredSkills: r.requiredSkills.map(({ skill, minLevel }) => ({ skill, minLevel })),
      priorityAdjustment: r.priorityAdjustment,
      tags: r.tags,
    },
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
