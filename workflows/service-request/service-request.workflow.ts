import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { ServiceRequestActivities } from '../../activities/service-requests/service-request.activities.js';
import { decisionRefusal } from '../../libs/domain/catalog/approval-rules.js';
import {
  APPROVAL_NOT_PENDING_FAILURE,
  decideApprovalUpdate,
  fulfilmentStateQuery,
  fulfilmentTaskSolvedSignal,
  type DecideApprovalRequest,
  type FulfilmentState,
  type ServiceRequestInput,
} from './service-request.contract.js';

// Database and Temporal outages are waited out: a request's fulfilment must go on eventually, not give up.
const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const fulfilment = proxyActivities<ServiceRequestActivities>({ startToCloseTimeout: '1 minute', retry });

const MINUTE_MS = 60_000;

/**
 * A service request after its ticket exists (`service-request:<ticketId>`): the item's approval step if it has one
 * (escalated once when left waiting its minutes; the wait then goes on), then its tasks one after another, each a
 * ticket of type task with its own workflow that signals here when solved; all done, the request is solved through its
 * own workflow. Rejected, the request is answered with the reason and closed. A task reopened after it was solved is
 * left alone: the next task has started (or the request is solved), and reopening the request is its agents' call.
 */
export async function serviceRequestWorkflow({ requestId, itemId }: ServiceRequestInput): Promise<void> {
  const state: FulfilmentState = { stage: 'planning', approval: null, tasks: [] };
  let decision: DecideApprovalRequest | null = null;
  const solvedTaskIds = new Set<string>();

  setHandler(fulfilmentStateQuery, () => state);

  setHandler(fulfilmentTaskSolvedSignal, ({ taskId }) => {
    solvedTaskIds.add(taskId);
    const task = state.tasks.find((candidate) => candidate.ticketId === taskId);
    if (task) task.solved = true;
  });

  setHandler(
    decideApprovalUpdate,
    async (request) => {
      decision = request; // at once: a second decision arriving meanwhile is refused by the validator
      await condition(() => state.approval?.state !== 'pending');
      return state;
    },
    {
      validator: (request) => {
        const approval = state.approval;
        if (approval === null) {
          throw ApplicationFailure.create({ type: APPROVAL_NOT_PENDING_FAILURE, message: 'The request has no approval waiting.', nonRetryable: true });
        }
        const refusal = decisionRefusal(decision === null ? approval.state : decision.decision, request.decision, request.reason);
        if (refusal?.kind === 'conflict') throw ApplicationFailure.create({ type: APPROVAL_NOT_PENDING_FAILURE, message: refusal.message, nonRetryable: true });
        if (refusal) throw new Error(refusal.message);
      },
    },
  );

  const plan = await fulfilment.readFulfilmentPlan({ requestId, itemId });

  if (plan.approval) {
    const { approval } = plan;
    const requestedAt = new Date().toISOString();
    state.approval = {
      state: 'pending',
      approverUserId: approval.approverUserId,
      approverRole: approval.approverRole,
      requestedAt,
      escalatedAt: null,
      escalatedTo: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    await fulfilment.recordApprovalRequested({ requestId, approval, requestedAt });
    state.stage = 'awaiting_approval';
    if (!(await condition(() => decision !== null, approval.escalateAfterMinutes * MINUTE_MS))) {
      const escalatedAt = new Date().toISOString();
      await fulfilment.escalateApproval({ requestId, escalateToUserId: approval.escalateToUserId, afterMinutes: approval.escalateAfterMinutes, escalatedAt });
      state.approval = { ...state.approval, escalatedAt, escalatedTo: approval.escalateToUserId };
      await condition(() => decision !== null);
    }
    const { decision: verdict, actorUserId, reason } = decision!;
    const decidedAt = new Date().toISOString();
    const given = reason?.trim() || null;
    await fulfilment.recordApprovalDecision({ requestId, decision: verdict, actorUserId, reason: given, decidedAt });
    state.approval = { ...state.approval, state: verdict, decidedBy: actorUserId, decidedAt, reason: given };
    if (verdict === 'rejected') {
      state.stage = 'rejected';
      await fulfilment.closeRejectedRequest({ requestId, messageId: uuid4(), itemName: plan.itemName, reason: given!, actorUserId });
      return;
    }
  }

  state.stage = 'fulfilling';
  for (const [index, task] of plan.tasks.entries()) {
    const position = index + 1;
    const taskId = uuid4();
    await fulfilment.startFulfilmentTask({ requestId, taskId, position, task, createdAt: new Date().toISOString() });
    state.tasks.push({ position, ticketId: taskId, title: task.title, solved: solvedTaskIds.has(taskId) });
    await condition(() => solvedTaskIds.has(taskId));
  }
  await fulfilment.solveFulfilledRequest({ requestId, fulfilledAt: new Date().toISOString() });
  state.stage = 'fulfilled';
}
