import { proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { RolloutMeasurementActivities } from '../../activities/rollout/rollout-measurements.activities.js';
import { evaluatePilot } from '../../libs/domain/rollout/index.js';
import {
  agentConfidenceSignal,
  pilotCheckInSignal,
  pilotIssueSignal,
  pilotStateQuery,
  type PilotOutcome,
  type PilotState,
  type PilotWorkflowInput,
} from './rollout.contract.js';

const { pilotMetrics } = proxyActivities<RolloutMeasurementActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' } as const,
});

const DAY_MS = 86_400_000;

/**
 * The pilot (a child of its rollout): collects daily check-in notes, an issue log and agents' confidence while it runs
 * for its duration, then judges itself from the real tickets in its scope and window: go or no-go.
 */
export async function pilotWorkflow(input: PilotWorkflowInput): Promise<PilotOutcome> {
  const startedAt = Date.now();
  const state: PilotState = {
    status: 'running',
    scope: input.scope,
    startedAt: new Date(startedAt).toISOString(),
    endsAt: new Date(startedAt + input.durationDays * DAY_MS).toISOString(),
    checkIns: [],
    issues: [],
    agentConfidence: {},
  };
  setHandler(pilotStateQuery, () => state);
  setHandler(pilotCheckInSignal, (checkIn) => void state.checkIns.push(checkIn));
  setHandler(pilotIssueSignal, (issue) => void state.issues.push(issue));
  setHandler(agentConfidenceSignal, ({ agentId, score }) => {
    state.agentConfidence[agentId] = score;
  });

  await sleep(input.durationDays * DAY_MS);
  const { metrics, baselineCsat } = await pilotMetrics({ rolloutId: input.rolloutId, scope: input.scope, from: state.startedAt, to: state.endsAt });
  state.status = 'ended';
  const report = evaluatePilot(metrics, Object.values(state.agentConfidence), input.targets, baselineCsat);
  return { ...report, from: state.startedAt, to: state.endsAt, checkIns: state.checkIns, issues: state.issues };
}
