import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TicketPriorityEnum } from '../../common/graphql-enums.js';
import { RequiredSkillModel, RoutingRuleRefModel } from './routing-rule.model.js';

@ObjectType('GroupRef')
export class GroupRefModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('AgentRef')
export class AgentRefModel {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;
}

@ObjectType('RoutingScenarioResult', { description: 'Where one scenario went, and why.' })
export class RoutingScenarioResultModel {
  @Field(() => Int, { description: 'The place of the scenario in the list, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => RoutingRuleRefModel, { nullable: true, description: 'null: no rule matched; the ticket goes to the fallback group.' })
  matchedRule!: RoutingRuleRefModel | null;

  @Field(() => [String], { description: 'How the ticket met each criterion of the rule, or why no rule matched.' })
  reasons!: string[];

  @Field(() => GroupRefModel)
  group!: GroupRefModel;

  @Field(() => TicketPriorityEnum, { description: "The ticket's priority after the rule's adjustment." })
  priority!: TicketPriority;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [RequiredSkillModel])
  requiredSkills!: RequiredSkillModel[];

  @Field(() => AgentRefModel, { nullable: true, description: 'Whom assignment would pick now; null: the ticket would wait in the queue.' })
  agent!: AgentRefModel | null;

  @Field()
  agentReason!: string;

  @Field(() => ID, { nullable: true })
  expectedGroupId!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'null: the scenario has no expectation.' })
  metExpectation!: boolean | null;
}

@ObjectType('RoutingSimulationReport')
export class RoutingSimulationReportModel {
  @Field(() => Int)
  scenarios!: number;

  @Field(() => Int, { description: 'Scenarios with an expected group.' })
  withExpectation!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Float, { description: 'met / withExpectation, 0..1; 1 when no scenario has an expectation.' })
  accuracy!: number;
}

@ObjectType('RoutingSimulation')
export class RoutingSimulationModel {
  @Field({ description: 'Whether the draft rules were simulated (else the active rules).' })
  draft!: boolean;

  @Field(() => [RoutingScenarioResultModel])
  results!: RoutingScenarioResultModel[];

  @Field(() => RoutingSimulationReportModel)
  overall!: RoutingSimulationReportModel;

  @Field(() => [String], { description: 'Rules of the set that can never match, and why.' })
  problems!: string[];
}
