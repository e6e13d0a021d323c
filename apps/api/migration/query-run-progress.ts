import { ServiceError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { setTimeout as pause } from 'node:timers/promises';
import { migrationProgressQuery, migrationWorkflowId, type MigrationProgress } from '../../../workflows/migration/migration.contract.js';
import { userError } from '../common/user-error.js';

export interface ProgressQueryPolicy {
  attempts: number;
  /** Each attempt waits this long for the worker's answer. */
  deadlineMs: number;
  /** Pause after the first failed attempt, doubled after each further one. */
  pauseMs: number;
}

/** About 10 s in all before the caller hears SERVICE_UNAVAILABLE: a worker busy with a large import catches up. */
export const PROGRESS_QUERY_POLICY: ProgressQueryPolicy = { attempts: 3, deadlineMs: 3_000, pauseMs: 250 };

/**
 * The run's live progress from its workflow; null once the workflow is gone. A worker too busy to answer the query in
 * time ("Failed to query Workflow") is asked again briefly, then the caller gets SERVICE_UNAVAILABLE — a stable code
 * meaning "try again shortly", never an internal error.
 */
export async function queryRunProgress(temporal: Client, runId: string, policy = PROGRESS_QUERY_POLICY): Promise<MigrationProgress | null> {
  const handle = temporal.workflow.getHandle(migrationWorkflowId(runId));
  for (let attempt = 1; ; attempt++) {
    try {
      return await temporal.withDeadline(Date.now() + policy.deadlineMs, () => handle.query(migrationProgressQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      if (!(error instanceof ServiceError)) throw error;
      if (attempt >= policy.attempts) {
        throw userError('SERVICE_UNAVAILABLE', `The run's live progress is not available right now (its worker did not answer); try again shortly.`);
      }
      await pause(policy.pauseMs * 2 ** (attempt - 1));
    }
  }
}
