import type { Role } from '../auth/roles.js';

// A service request's approval step (issue 15): who may decide it, what a decision needs, when it escalates. Pure
// rules, shared by the fulfilment workflow (its update validator) and the API (who may call the mutations).

export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type ApprovalDecision = Exclude<ApprovalState, 'pending'>;

/** Who an approval names, and whom it was escalated to (null until it was). */
export interface ApprovalDeciders {
  approverUserId: string | null;
  approverRole: Role | null;
  escalatedTo: string | null;
}

export interface Decider {
  id: string;
  roles: readonly Role[];
}

/** The named approver, a holder of the approver role, the escalation target once escalated, or an admin. */
export function mayDecideApproval(approval: ApprovalDeciders, decider: Decider): boolean {
  return (
    decider.roles.includes('admin') ||
    decider.id === approval.approverUserId ||
    (approval.approverRole !== null && decider.roles.includes(approval.approverRole)) ||
    (approval.escalatedTo !== null && decider.id === approval.escalatedTo)
  );
}

/** Why a decision is refused: `conflict` when the approval is no longer pending, `input` when the decision lacks what it needs. */
export interface DecisionRefusal {
  kind: 'conflict' | 'input';
  field?: 'reason';
  message: string;
}

export const APPROVAL_REASON_MAX_LENGTH = 2_000;

/** An approval is decided once; a rejection says why (its requester is told). */
export function decisionRefusal(state: ApprovalState, decision: ApprovalDecision, reason: string | null | undefined): DecisionRefusal | null {
  if (state !== 'pending') return { kind: 'conflict', message: `The approval was ${state} already: it is decided once.` };
  const given = reason?.trim() ?? '';
  if (decision === 'rejected' && given === '') {
    return { kind: 'input', field: 'reason', message: 'reason: say why the request is rejected; its requester is told.' };
  }
  if (given.length > APPROVAL_REASON_MAX_LENGTH) {
    return { kind: 'input', field: 'reason', message: `reason: at most ${APPROVAL_REASON_MAX_LENGTH} characters.` };
  }
  return null;
}

/** The public reply a rejected request's requester gets. */
export function rejectionReply(itemName: string, reason: string): string {
  return `Your request for "${itemName}" was not approved.\n\nReason: ${reason.trim()}`;
}
