import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { userError } from '../common/user-error.js';
import { GateRecordModel, toGateModel } from './models/gate.model.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { ROLLOUT_USERS } from './rollout.roles.js';
import { RolloutsService } from './rollouts.service.js';

const REASON_MAX_LENGTH = 2000;

/** The rollout's lead's (or an admin's) approval of the current phase's gate (judged against its measured criteria), or an audited override. */
@Resolver()
export class RolloutGatesResolver {
  constructor(
    private readonly rollouts: RolloutsService,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => GateRecordModel, { description: 'Passes the gate when no measured criterion failed; otherwise says which failed and by how much.' })
  async approveRolloutGate(@Args('rolloutId', { type: () => ID }) rolloutId: string, @CurrentUser() caller: AuthenticatedUser): Promise<GateRecordModel> {
    await this.rollouts.rowForLead(rolloutId, caller);
    return toGateModel(await this.workflows.approveGate(rolloutId, caller.id));
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => GateRecordModel, { description: 'Passes the gate whatever its measurements say; needs a reason; audited.' })
  async overrideRolloutGate(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('reason') reason: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<GateRecordModel> {
    if (!reason.trim() || reason.length > REASON_MAX_LENGTH) throw userError('BAD_USER_INPUT', `An override needs a reason of 1 to ${REASON_MAX_LENGTH} characters.`);
    await this.rollouts.rowForLead(rolloutId, caller);
    return toGateModel(await this.workflows.overrideGate(rolloutId, caller.id, reason.trim()));
  }
}
