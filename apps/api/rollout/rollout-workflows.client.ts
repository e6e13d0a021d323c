import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import {
  agentConfidenceSignal,
  approveGateUpdate,
  checklistItemUpdate,
  completeTaskUpdate,
  overrideGateUpdate,
  pilotCheckInSignal,
  pilotIssueSignal,
  pilotStateQuery,
  pilotWorkflowId,
  reassignTaskUpdate,
  redateTaskUpdate,
  ROLLOUT_WORKFLOW_TYPE,
  rolloutStateQuery,
  rolloutWorkflowId,
  startPilotUpdate,
  type GateRecord,
  type PilotCheckIn,
  type PilotIssue,
  type PilotState,
  type RolloutState,
  type RolloutWorkflowInput,
} from '../../../workflows/rollout/rollout.contract.js';
import { APP_CONFIG } from '../app-config.token.js';
import { userError } from '../common/user-error.js';

/** The single argument of an update. */
type RequestOf<D> = D extends UpdateDefinition<unknown, [infer Request]> ? Request : never;

/** The API's only door to rollout and pilot workflows, with Temporal's refusals turned into user errors. */
@Injectable()
export class RolloutWorkflowsClient {
  constructor(
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(input: RolloutWorkflowInput): Promise<void> {
    await this.temporal.workflow.start(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(input.rolloutId),
      taskQueue: this.config.taskQueue,
      args: [input],
    });
  }

  state(rolloutId: string): Promise<RolloutState> {
    return this.call(rolloutId, () => this.handle(rolloutId).query(rolloutStateQuery));
  }

  completeTask(rolloutId: string, request: RequestOf<typeof completeTaskUpdate>): Promise<RolloutState> {
    return this.update(rolloutId, completeTaskUpdate, request);
  }

  reassignTask(rolloutId: string, request: RequestOf<typeof reassignTaskUpdate>): Promise<RolloutState> {
    return this.update(rolloutId, reassignTaskUpdate, request);
  }

  redateTask(rolloutId: string, request: RequestOf<typeof redateTaskUpdate>): Promise<RolloutState> {
    return this.update(rolloutId, redateTaskUpdate, request);
  }

  checkItem(rolloutId: string, request: RequestOf<typeof checklistItemUpdate>): Promise<RolloutState> {
    return this.update(rolloutId, checklistItemUpdate, request);
  }

  approveGate(rolloutId: string, request: RequestOf<typeof approveGateUpdate>): Promise<GateRecord> {
    return this.update(rolloutId, approveGateUpdate, request);
  }

  overrideGate(rolloutId: string, request: RequestOf<typeof overrideGateUpdate>): Promise<GateRecord> {
    return this.update(rolloutId, overrideGateUpdate, request);
  }

  startPilot(rolloutId: string, request: RequestOf<typeof startPilotUpdate>): Promise<RolloutState> {
    return this.update(rolloutId, startPilotUpdate, request);
  }

  pilotState(rolloutId: string): Promise<PilotState> {
    return this.call(rolloutId, () => this.temporal.workflow.getHandle(pilotWorkflowId(rolloutId)).query(pilotStateQuery), 'pilot');
  }

  async pilotCheckIn(rolloutId: string, checkIn: PilotCheckIn): Promise<void> {
    await this.call(rolloutId, () => this.temporal.workflow.getHandle(pilotWorkflowId(rolloutId)).signal(pilotCheckInSignal, checkIn), 'pilot');
  }

  async pilotIssue(rolloutId: string, issue: PilotIssue): Promise<void> {
    await this.call(rolloutId, () => this.temporal.workflow.getHandle(pilotWorkflowId(rolloutId)).signal(pilotIssueSignal, issue), 'pilot');
  }

  async agentConfidence(rolloutId: string, agentId: string, score: number): Promise<void> {
    await this.call(
      rolloutId,
      () => this.temporal.workflow.getHandle(pilotWorkflowId(rolloutId)).signal(agentConfidenceSignal, { agentId, score }),
      'pilot',
    );
  }

  private handle(rolloutId: string) {
    return this.temporal.workflow.getHandle(rolloutWorkflowId(rolloutId));
  }

  private update<Ret, Request>(rolloutId: string, definition: UpdateDefinition<Ret, [Request]>, request: Request): Promise<Ret> {
    return this.call(rolloutId, () => this.handle(rolloutId).executeUpdate(definition, { args: [request] }));
  }

  private async call<T>(rolloutId: string, call: () => Promise<T>, which: 'rollout' | 'pilot' = 'rollout'): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause;
        const code = cause instanceof ApplicationFailure && cause.type === 'CONFLICT' ? 'CONFLICT' : 'BAD_USER_INPUT';
        throw userError(code, cause?.message ?? error.message);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw userError('CONFLICT', which === 'pilot' ? `Rollout ${rolloutId} has no running pilot.` : `Rollout ${rolloutId} is not running.`);
      }
      throw error;
    }
  }
}
