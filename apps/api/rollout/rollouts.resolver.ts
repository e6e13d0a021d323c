import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateRolloutInput } from './dto/create-rollout.input.js';
import { RolloutModel, RolloutSummaryModel, RolloutTimelineEntryModel } from './models/rollout.model.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { ROLLOUT_USERS } from './rollout.roles.js';
import { RolloutsService } from './rollouts.service.js';

/** Rollouts and their tasks. Task changes go through the rollout's workflow, which owns them. */
@Resolver(() => RolloutModel)
export class RolloutsResolver {
  constructor(
    private readonly rollouts: RolloutsService,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel, { description: 'From a template, a start date and the person for each role; the schedule is computed.' })
  createRollout(@Args('input') input: CreateRolloutInput, @CurrentUser() caller: AuthenticatedUser): Promise<RolloutModel> {
    return this.rollouts.create(input, caller.id);
  }

  @Roles(...ROLLOUT_USERS)
  @Query(() => RolloutModel, { description: 'Current phase, progress, overdue and blocked tasks, gates, projected versus planned go-live.' })
  rollout(@Args('id', { type: () => ID }) id: string): Promise<RolloutModel> {
    return this.rollouts.get(id);
  }

  @Roles(...ROLLOUT_USERS)
  @Query(() => [RolloutSummaryModel], { name: 'rollouts', description: 'Every rollout, newest first.' })
  listRollouts(): Promise<RolloutSummaryModel[]> {
    return this.rollouts.list();
  }

  @Roles(...ROLLOUT_USERS)
  @ResolveField(() => [RolloutTimelineEntryModel], { description: 'Everything that happened, notifications included, in order.' })
  timeline(@Parent() rollout: RolloutModel): Promise<RolloutTimelineEntryModel[]> {
    return this.rollouts.timeline(rollout.id);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel, { description: 'completedOn defaults to today; what waits on the task moves accordingly.' })
  async completeRolloutTask(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('taskId') taskId: string,
    @Args('completedOn', { type: () => String, nullable: true }) completedOn: string | null,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RolloutModel> {
    await this.rollouts.row(rolloutId);
    await this.workflows.completeTask(rolloutId, { taskId, by: caller.id, ...(completedOn ? { completedOn } : {}) });
    return this.rollouts.get(rolloutId);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel, { description: 'The new owner is notified.' })
  async reassignRolloutTask(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('taskId') taskId: string,
    @Args('ownerId', { type: () => ID }) ownerId: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RolloutModel> {
    await this.rollouts.row(rolloutId);
    await this.rollouts.requireActiveUser(ownerId);
    await this.workflows.reassignTask(rolloutId, { taskId, by: caller.id, ownerId });
    return this.rollouts.get(rolloutId);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel, { description: 'A new due date (not before the task starts); everything downstream and the projected go-live move.' })
  async redateRolloutTask(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('taskId') taskId: string,
    @Args('dueDate') dueDate: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RolloutModel> {
    await this.rollouts.row(rolloutId);
    await this.workflows.redateTask(rolloutId, { taskId, by: caller.id, dueDate });
    return this.rollouts.get(rolloutId);
  }

  @Roles(...ROLLOUT_USERS)
  @Mutation(() => RolloutModel)
  async checkRolloutChecklistItem(
    @Args('rolloutId', { type: () => ID }) rolloutId: string,
    @Args('phaseId') phaseId: string,
    @Args('item') item: string,
    @Args('passed') passed: boolean,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RolloutModel> {
    await this.rollouts.row(rolloutId);
    await this.workflows.checkItem(rolloutId, { phaseId, item, passed, by: caller.id });
    return this.rollouts.get(rolloutId);
  }
}
