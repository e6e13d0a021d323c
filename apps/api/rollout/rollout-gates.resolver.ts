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
const PHASE_ID_MAX_LENGTH = 100;
const PHASE_ID_ARGUMENT = {
  type: () => ID,
  nullable: true,
  description:
    "The phase whose gate is meant. A repeated call (say, after an answer lost to a timeout) then returns the decision that passed it, instead of judging the next phase's gate; another phase's gate is refused with CONFLICT.",
};

/** The rollout's lead's (or an admin's) approval of the current phase's gate (judged against its measured criteria), or an audited override. */
@Resolver()
export class RolloutGatesResolver {
  constructor(
    private readonly rollouts: RolloutsService,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => GateRecordModel, { description: 'Passes the gate when no measured criterion failed; otherwise says which failed and by how much.' })
  async approveRolloutGate(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('phaseId', PHASE_ID_ARGUMENT) phaseId: string | null | undefined,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<GateRecordModel> {
    await this.rollouts.rowForLead(rolloutId, caller);
    return toGateModel(await this.workflows.approveGate(rolloutId, { by: caller.id, ...namedPhase(phaseId) }));
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => GateRecordModel, { description: 'Passes the gate whatever its measurements say; needs a reason; audited.' })
  async overrideRolloutGate(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('reason') reason: string,
    @Args('phaseId', PHASE_ID_ARGUMENT) phaseId: string | null | undefined,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<GateRecordModel> {
    if (!reason.trim() || reason.length > REASON_MAX_LENGTH) throw userError('BAD_USER_INPUT', `An override needs a reason of 1 to ${REASON_MAX_LENGTH} characters.`);
    await this.rollouts.rowForLead(rolloutId, caller);
    return toGateModel(await this.workflows.overrideGate(rolloutId, { by: caller.id, reason: reason.trim(), ...namedPhase(phaseId) }));
  }
}

function namedPhase(phaseId: string | null | undefined): { phaseId?: string } {
  if (phaseId === null || phaseId === undefined) return {};
  if (phaseId.length > PHASE_ID_MAX_LENGTH) throw userError('BAD_USER_INPUT', `phaseId is at most ${PHASE_ID_MAX_LENGTH} characters.`);
  return { phaseId };
}
