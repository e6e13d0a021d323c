import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AgentAvailability } from '../../../libs/domain/routing/index.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { AgentsService } from './agents.service.js';
import { UpsertAgentInput } from './dto/agent.input.js';
import { AgentModel } from './models/agent.model.js';
import { AgentAvailabilityEnum } from './routing-enums.js';
import { AVAILABILITY_MANAGERS, ROUTING_READERS, ROUTING_WRITERS } from './routing.roles.js';

@Resolver(() => AgentModel)
export class AgentsResolver {
  constructor(private readonly agents: AgentsService) {}

  @Roles(...ROUTING_READERS)
  @Query(() => [AgentModel], { name: 'agents', description: 'By display name.' })
  listAgents(): Promise<AgentModel[]> {
    return this.agents.list();
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => AgentModel, {
    description: "Creates or replaces an agent's routing profile (the user must have role agent); availability and load stay; audited.",
  })
  upsertAgent(@Args('input') input: UpsertAgentInput, @CurrentUser() caller: AuthenticatedUser): Promise<AgentModel> {
    return this.agents.upsert(input, caller.id);
  }

  @Roles('agent')
  @Mutation(() => AgentModel, { description: "The caller's own availability; only online agents are assigned tickets; audited." })
  setMyAvailability(
    @Args('availability', { type: () => AgentAvailabilityEnum }) availability: AgentAvailability,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<AgentModel> {
    return this.agents.setAvailability(caller.id, availability, caller.id);
  }

  @Roles(...AVAILABILITY_MANAGERS)
  @Mutation(() => AgentModel, { description: "An agent's availability, set for them; audited." })
  setAgentAvailability(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('availability', { type: () => AgentAvailabilityEnum }) availability: AgentAvailability,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<AgentModel> {
    return this.agents.setAvailability(userId, availability, caller.id);
  }
}
