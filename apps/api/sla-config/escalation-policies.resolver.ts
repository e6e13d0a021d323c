import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { EscalationPolicyInput } from './dto/escalation-policy.input.js';
import { EscalationPoliciesService } from './escalation-policies.service.js';
import { EscalationPolicyModel } from './models/escalation-policy.model.js';
import { CONFIG_READERS, CONFIG_WRITERS } from './sla-config.roles.js';

@Resolver(() => EscalationPolicyModel)
export class EscalationPoliciesResolver {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Roles(...CONFIG_READERS)
  @Query(() => [EscalationPolicyModel], { description: 'By name.' })
  escalationPolicies(): Promise<EscalationPolicyModel[]> {
    return this.policies.list();
  }

  @Roles(...CONFIG_READERS)
  @Query(() => EscalationPolicyModel)
  escalationPolicy(@Args('id', { type: () => ID }) id: string): Promise<EscalationPolicyModel> {
    return this.policies.get(id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => EscalationPolicyModel, { description: 'Audited.' })
  createEscalationPolicy(@Args('input') input: EscalationPolicyInput, @CurrentUser() caller: AuthenticatedUser): Promise<EscalationPolicyModel> {
    return this.policies.create(input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => EscalationPolicyModel, { description: 'Replaces the policy with the input; audited.' })
  updateEscalationPolicy(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: EscalationPolicyInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<EscalationPolicyModel> {
    return this.policies.update(id, input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ID, { description: 'Refused (CONFLICT) while an SLA policy uses it; returns the deleted id; audited.' })
  deleteEscalationPolicy(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<string> {
    return this.policies.delete(id, caller.id);
  }
}
