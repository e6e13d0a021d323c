import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { RoutingRuleInput } from './dto/routing-rule.input.js';
import {
  DeleteRoutingRulePayloadModel,
  RoutingRuleConflictsModel,
  RoutingRuleModel,
  RoutingRulePayloadModel,
  RoutingRulesPayloadModel,
} from './models/routing-rule.model.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { ROUTING_READERS, ROUTING_WRITERS } from './routing.roles.js';

@Resolver(() => RoutingRuleModel)
export class RoutingRulesResolver {
  constructor(private readonly rules: RoutingRulesService) {}

  @Roles(...ROUTING_READERS)
  @Query(() => [RoutingRuleModel], { description: 'In the order they are tried (position 0 first), inactive ones included.' })
  routingRules(): Promise<RoutingRuleModel[]> {
    return this.rules.list();
  }

  @Roles(...ROUTING_READERS)
  @Query(() => RoutingRuleConflictsModel, { description: 'Rules of the active set that can never fire, and rules that overlap.' })
  routingRuleConflicts(): Promise<RoutingRuleConflictsModel> {
    return this.rules.conflicts();
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => RoutingRulePayloadModel, {
    description: 'Validated (BAD_USER_INPUT lists every problem); placed at `position` (default: last); audited. Returns the conflicts of the active set.',
  })
  createRoutingRule(@Args('input') input: RoutingRuleInput, @CurrentUser() caller: AuthenticatedUser): Promise<RoutingRulePayloadModel> {
    return this.rules.create(input, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => RoutingRulePayloadModel, { description: 'Replaces the rule; position and active stay unless given; audited.' })
  updateRoutingRule(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: RoutingRuleInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RoutingRulePayloadModel> {
    return this.rules.update(id, input, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => DeleteRoutingRulePayloadModel, { description: 'The rules after it move up one; audited.' })
  deleteRoutingRule(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<DeleteRoutingRulePayloadModel> {
    return this.rules.delete(id, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => RoutingRulesPayloadModel, { description: '`ids` lists every rule exactly once, first tried first; audited.' })
  reorderRoutingRules(@Args('ids', { type: () => [ID] }) ids: string[], @CurrentUser() caller: AuthenticatedUser): Promise<RoutingRulesPayloadModel> {
    return this.rules.reorder(ids, caller.id);
  }
}
