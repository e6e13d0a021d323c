import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { RoutingRuleDraftInput } from './dto/routing-rule.input.js';
import { RoutingScenarioInput } from './dto/routing-scenario.input.js';
import { RoutingAccuracyModel } from './models/routing-accuracy.model.js';
import { RoutingSimulationModel } from './models/simulation.model.js';
import { RoutingAccuracyService } from './routing-accuracy.service.js';
import { AVAILABILITY_MANAGERS, SIMULATOR_USERS } from './routing.roles.js';
import { SimulatorService } from './simulator.service.js';

@Resolver()
export class SimulatorResolver {
  constructor(
    private readonly simulator: SimulatorService,
    private readonly accuracy: RoutingAccuracyService,
  ) {}

  @Roles(...SIMULATOR_USERS)
  @Mutation(() => RoutingSimulationModel, {
    description:
      'Routes up to 1,000 scenarios through the active rules (or `draftRules`, validated first) and picks the agent assignment would pick now; writes nothing.',
  })
  simulateRouting(
    @Args('scenarios', { type: () => [RoutingScenarioInput] }) scenarios: RoutingScenarioInput[],
    @Args('draftRules', { type: () => [RoutingRuleDraftInput], nullable: true }) draftRules?: RoutingRuleDraftInput[] | null,
  ): Promise<RoutingSimulationModel> {
    return this.simulator.simulate(scenarios, draftRules);
  }

  @Roles(...AVAILABILITY_MANAGERS)
  @Query(() => RoutingAccuracyModel, { description: 'Of the tickets created since `since` (default: all): how many routing got right.' })
  routingAccuracy(@Args('since', { type: () => Date, nullable: true }) since?: Date | null): Promise<RoutingAccuracyModel> {
    return this.accuracy.accuracy(since ?? null);
  }
}

