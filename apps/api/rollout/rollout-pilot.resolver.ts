import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { JSONScalar } from '../common/json.scalar.js';
import { userError } from '../common/user-error.js';
import { StartPilotInput } from './dto/start-pilot.input.js';
import { RolloutModel } from './models/rollout.model.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { PILOT_RESPONDENTS, ROLLOUT_USERS } from './rollout.roles.js';
import { RolloutsService } from './rollouts.service.js';

const NOTE_MAX_LENGTH = 4000;
const SEVERITIES = ['low', 'medium', 'high'] as const;

function checkedText(text: string, what: string): string {
  if (!text.trim() || text.length > NOTE_MAX_LENGTH) throw userError('BAD_USER_INPUT', `A ${what} of 1 to ${NOTE_MAX_LENGTH} characters is needed.`);
  return text.trim();
}

/** The pilot: started in the pilot phase, fed daily check-ins, issues and agents' confidence while it runs. */
@Resolver()
export class RolloutPilotResolver {
  constructor(
    private readonly rollouts: RolloutsService,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel, { description: 'Scope, duration (7–28 days) and success criteria; at its end the pilot is judged from its tickets.' })
  async startRolloutPilot(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('input') input: StartPilotInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RolloutModel> {
    await this.rollouts.row(rolloutId);
    const { durationDays, organizationIds, categories, channels, agentIds, ...targets } = input;
    await this.workflows.startPilot(rolloutId, { by: caller.id, durationDays, scope: { organizationIds, categories, channels, agentIds }, targets });
    return this.rollouts.get(rolloutId);
  }

  @Roles(...ROLLOUT_USERS)
  @Query(() => JSONScalar, { description: "The running pilot's scope, window, check-ins, issues and confidence answers." })
  async rolloutPilot(@Args('rolloutId', { type: () => ID }) rolloutId: string): Promise<unknown> {
    await this.rollouts.row(rolloutId);
    return this.workflows.pilotState(rolloutId);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => Boolean)
  async recordPilotCheckIn(@Args('rolloutId', { type: () => ID }) rolloutId: string, @Args('note') note: string, @CurrentUser() caller: AuthenticatedUser) {
    await this.rollouts.row(rolloutId);
    await this.workflows.pilotCheckIn(rolloutId, { at: new Date().toISOString(), by: caller.id, note: checkedText(note, 'note') });
    return true;
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => Boolean, { description: 'severity: low | medium | high' })
  async recordPilotIssue(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('description') description: string,
    @Args('severity') severity: string,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    const level = SEVERITIES.find((known) => known === severity);
    if (!level) throw userError('BAD_USER_INPUT', `severity must be one of ${SEVERITIES.join(', ')}.`);
    await this.rollouts.row(rolloutId);
    await this.workflows.pilotIssue(rolloutId, { at: new Date().toISOString(), by: caller.id, description: checkedText(description, 'description'), severity: level });
    return true;
  }

  @Roles(...PILOT_RESPONDENTS)
  @Mutation(() => Boolean, { description: "The caller's confidence working in the new help desk, 1 to 10 (the latest answer counts)." })
  async answerPilotConfidence(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('score', { type: () => Int }) score: number,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    if (score < 1 || score > 10) throw userError('BAD_USER_INPUT', 'score must be 1 to 10.');
    await this.rollouts.row(rolloutId);
    await this.workflows.agentConfidence(rolloutId, caller.id, score);
    return true;
  }
}
