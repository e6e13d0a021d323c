import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ApprovalDecision, ApprovalState } from '../../libs/domain/catalog/approval-rules.js';
import type { FulfilmentTaskTemplate, ItemApproval } from '../../libs/domain/catalog/catalog-item.js';

// A service request's fulfilment after its ticket exists (issue 15): the optional approval, then the item's tasks one
// after another, each a ticket of type task with its own workflow. The API and the ticket workflow import this module,
// never the workflow implementation.

export const SERVICE_REQUEST_WORKFLOW_TYPE = 'serviceRequestWorkflow';

export function serviceRequestWorkflowId(requestId: string): string {
  return `service-request:${requestId}`;
}

export interface ServiceRequestInput {
  /** The request's ticket id. */
  requestId: string;
  /** The catalog item it was requested from (service_request_items.id). */
  itemId: string;
}

/** What the workflow reads once at its start and keeps: later catalog edits do not change a request under way. */
export interface FulfilmentPlan {
  itemName: string;
  approval: ItemApproval | null;
  tasks: FulfilmentTaskTemplate[];
}

export interface ApprovalProgress {
  state: ApprovalState;
  approverUserId: string | null;
  approverRole: string | null;
  /** ISO instants. */
  requestedAt: string;
  escalatedAt: string | null;
  escalatedTo: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface FulfilmentTaskProgress {
  /** 1-based place in the item's order. */
  position: number;
  ticketId: string;
  title: string;
  solved: boolean;
}

export type FulfilmentStage = 'planning' | 'awaiting_approval' | 'fulfilling' | 'fulfilled' | 'rejected';

export interface FulfilmentState {
  stage: FulfilmentStage;
  approval: ApprovalProgress | null;
  tasks: FulfilmentTaskProgress[];
}

export interface DecideApprovalRequest {
  decision: ApprovalDecision;
  actorUserId: string;
  reason?: string | null;
}

/** The failure type a decision is refused with once the approval is no longer pending (the API answers CONFLICT). */
export const APPROVAL_NOT_PENDING_FAILURE = 'ApprovalNotPending';

/** Returns once the decision is recorded (service_request_approvals) and its consequence has begun. */
export const decideApprovalUpdate = defineUpdate<FulfilmentState, [DecideApprovalRequest]>('decideApproval');

/** Sent by a task's own ticket workflow each time it is solved (a re-sent notice changes nothing). */
export interface FulfilmentTaskSolvedNotice {
  taskId: string;
}
export const fulfilmentTaskSolvedSignal = defineSignal<[FulfilmentTaskSolvedNotice]>('fulfilmentTaskSolved');

export const fulfilmentStateQuery = defineQuery<FulfilmentState>('fulfilmentState');
