import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CalendarsService } from './calendars.service.js';
import { SlaPolicyInput } from './dto/sla-policy.input.js';
import { EscalationPoliciesService } from './escalation-policies.service.js';
import { BusinessCalendarModel } from './models/business-calendar.model.js';
import { EscalationPolicyModel } from './models/escalation-policy.model.js';
import { SlaPolicyModel } from './models/sla-policy.model.js';
import { CONFIG_READERS, CONFIG_WRITERS } from './sla-config.roles.js';
import { SlaPoliciesService } from './sla-policies.service.js';

@Resolver(() => SlaPolicyModel)
export class SlaPoliciesResolver {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly calendars: CalendarsService,
    private readonly escalationPolicies: EscalationPoliciesService,
  ) {}

  @Roles(...CONFIG_READERS)
  @Query(() => [SlaPolicyModel], { description: 'In the order they are tried (position 0 first).' })
  slaPolicies(): Promise<SlaPolicyModel[]> {
    return this.policies.list();
  }

  @Roles(...CONFIG_READERS)
  @Query(() => SlaPolicyModel)
  slaPolicy(@Args('id', { type: () => ID }) id: string): Promise<SlaPolicyModel> {
    return this.policies.get(id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => SlaPolicyModel, { description: 'Placed at `position` (default: last), the others moving to make room; audited.' })
  createSlaPolicy(@Args('input') input: SlaPolicyInput, @CurrentUser() caller: AuthenticatedUser): Promise<SlaPolicyModel> {
    return this.policies.create(input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => SlaPolicyModel, {
    description: 'Replaces the policy with the input; position and active stay as they are unless given; audited.',
  })
  updateSlaPolicy(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SlaPolicyInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SlaPolicyModel> {
    return this.policies.update(id, input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ID, { description: 'The policies after it move up one; returns the deleted id; audited.' })
  deleteSlaPolicy(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<string> {
    return this.policies.delete(id, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => [SlaPolicyModel], {
    description: 'Sets the order policies are tried in: `ids` lists every policy exactly once, first tried first; audited.',
  })
  reorderSlaPolicies(@Args('ids', { type: () => [ID] }) ids: string[], @CurrentUser() caller: AuthenticatedUser): Promise<SlaPolicyModel[]> {
    return this.policies.reorder(ids, caller.id);
  }

  @ResolveField(() => BusinessCalendarModel, { nullable: true, description: 'null: the built-in 24x7 calendar.' })
  calendar(@Parent() policy: SlaPolicyModel): Promise<BusinessCalendarModel> | null {
    return policy.calendarId === null ? null : this.calendars.get(policy.calendarId);
  }

  @ResolveField(() => EscalationPolicyModel, { nullable: true })
  escalationPolicy(@Parent() policy: SlaPolicyModel): Promise<EscalationPolicyModel> | null {
    return policy.escalationPolicyId === null ? null : this.escalationPolicies.get(policy.escalationPolicyId);
  }
}
