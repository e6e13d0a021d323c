import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities, TemporalFailure } from '@temporalio/workflow';
import type { RoutingActivities } from '../../activities/routing/routing.activities.js';
import type { SlaRulesActivities } from '../../activities/sla/sla-rules.activities.js';
import type { TicketLifecycleActivities } from '../../activities/tickets/ticket-lifecycle.activities.js';

/** The activities a ticket's creation runs one after another before createTicket returns (and the lifecycle after). */
export type IntakeActivities = Pick<TicketLifecycleActivities, 'persistTicket' | 'recordLifecycle'> &
  Pick<SlaRulesActivities, 'resolveSlaRules'> &
  Pick<RoutingActivities, 'routeTicket' | 'assignAgent'>;

// Database outages are waited out: the lifecycle must reach PostgreSQL eventually, not give up.
export const activityRetry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;

/** As activities: each a workflow task of its own, retried by the server for as long as it takes. */
export const remoteIntake = proxyActivities<IntakeActivities>({ startToCloseTimeout: '30 seconds', retry: activityRetry });

/**
 * Local attempts are few: a worker retries a local activity itself, inside the workflow task it holds, and a worker
 * asked to stop waits for that task (it cancels local activities and then retries them: with unlimited attempts a
 * failing database kept a stopping worker alive for good). After these, the remote activity waits the outage out.
 */
const localOptions = { startToCloseTimeout: '30 seconds', retry: { ...activityRetry, maximumAttempts: 3 } } as const;
const local = proxyLocalActivities<IntakeActivities>(localOptions);

/**
 * A failure another attempt could fix: not a refusal the activity marked final. A local activity's failure reaches
 * the workflow as the activity's own error, a remote one's wrapped in an ActivityFailure.
 */
function retryable(error: unknown): boolean {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return error instanceof TemporalFailure && !(failure instanceof ApplicationFailure && failure.nonRetryable);
}

function locallyFirst<Args extends unknown[], Result>(
  runLocally: (...args: Args) => Promise<Result>,
  runRemotely: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await runLocally(...args);
    } catch (error) {
      if (!retryable(error)) throw error;
      return runRemotely(...args);
    }
  };
}

/**
 * The same as local activities first: run by the worker inside the workflow task, they make a creation one workflow
 * task instead of one per activity (each a round trip through the server: most of a ticket's intake cost,
 * bench:intake). Idempotent as activities must be anyway: a retried workflow task, or the remote fallback, runs them again.
 */
export const localFirstIntake: IntakeActivities = {
  persistTicket: locallyFirst(local.persistTicket, remoteIntake.persistTicket),
  recordLifecycle: locallyFirst(local.recordLifecycle, remoteIntake.recordLifecycle),
  resolveSlaRules: locallyFirst(local.resolveSlaRules, remoteIntake.resolveSlaRules),
  routeTicket: locallyFirst(local.routeTicket, remoteIntake.routeTicket),
  assignAgent: locallyFirst(local.assignAgent, remoteIntake.assignAgent),
};
