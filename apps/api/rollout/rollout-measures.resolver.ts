import { Args, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { JSONScalar } from '../common/json.scalar.js';
import { userError } from '../common/user-error.js';
import { RoutingScenarioInput } from '../routing/dto/routing-scenario.input.js';
import { RoutingSimulationModel } from '../routing/models/simulation.model.js';
import { BaselineInput } from './dto/baseline.input.js';
import { RolloutReviewModel } from './models/rollout-review.model.js';
import { RolloutMeasuresService } from './rollout-measures.service.js';
import { ROLLOUT_USERS } from './rollout.roles.js';

const DESCRIPTION_MAX_LENGTH = 500;

@Resolver()
export class RolloutMeasuresResolver {
  constructor(private readonly measures: RolloutMeasuresService) {}

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => JSONScalar, { description: 'The baseline as entered by the lead (replaces an earlier one).' })
  recordRolloutBaseline(@Args('rolloutId', { type: () => ID }) rolloutId: string, @Args('baseline') baseline: BaselineInput) {
    return this.measures.recordBaseline(rolloutId, baseline);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => JSONScalar, { description: 'The baseline measured from the tickets a migration run imported (when data migration exists).' })
  computeRolloutBaselineFromMigration(@Args('rolloutId', { type: () => ID }) rolloutId: string, @Args('migrationRunId', { type: () => ID }) migrationRunId: string) {
    return this.measures.baselineFromMigration(rolloutId, migrationRunId);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => Boolean, { description: 'The migration run the data-migration gate judges (completed, reconciled, rejects under the threshold).' })
  async linkRolloutMigrationRun(@Args('rolloutId', { type: () => ID }) rolloutId: string, @Args('migrationRunId', { type: () => ID }) migrationRunId: string) {
    await this.measures.linkMigrationRun(rolloutId, migrationRunId);
    return true;
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RoutingSimulationModel, { description: "Runs the routing simulator; its accuracy is what the testing gate judges." })
  simulateRolloutRouting(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('scenarios', { type: () => [RoutingScenarioInput] }) scenarios: RoutingScenarioInput[],
  ): Promise<RoutingSimulationModel> {
    return this.measures.simulateRouting(rolloutId, scenarios);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => Boolean, { description: 'A cost or a benefit (kind: cost | benefit), for the reviews\' ROI.' })
  async recordRolloutMoney(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('kind') kind: string,
    @Args('amount', { type: () => Float }) amount: number,
    @Args('description') description: string,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    if (kind !== 'cost' && kind !== 'benefit') throw userError('BAD_USER_INPUT', `kind must be "cost" or "benefit", not "${kind}".`);
    if (!(amount >= 0) || !Number.isFinite(amount)) throw userError('BAD_USER_INPUT', 'amount must be a non-negative number.');
    if (!description.trim() || description.length > DESCRIPTION_MAX_LENGTH) throw userError('BAD_USER_INPUT', `A description of 1 to ${DESCRIPTION_MAX_LENGTH} characters is needed.`);
    await this.measures.recordMoney(rolloutId, { kind, amount, description }, caller.id);
    return true;
  }

  @Roles(...ROLLOUT_USERS)
  @Query(() => RolloutReviewModel, { description: 'A review measured now (since launch; before launch, since the start): KPIs against the baseline and ROI.' })
  rolloutReviewNow(@Args('rolloutId', { type: () => ID }) rolloutId: string): Promise<RolloutReviewModel> {
    return this.measures.reviewNow(rolloutId);
  }
}
