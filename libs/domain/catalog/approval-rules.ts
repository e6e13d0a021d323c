import type { Role } from '../auth/roles.js';

// A service request's approval step (issue 15): who may decide it, what a decision needs, when it escalates. Pure
// rules, shared by the fulfilment workflow (its update validator) and the API (who may call the mutations).

export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type ApprovalDecision = Exclude<ApprovalState, 'pending'>;

/** Who an approval names, when it escalated (null until it did) and to whom (null: to the supervisors). */
export interface ApprovalDeciders {
  approverUserId: string | null;
  approverRole: Role | null;
  escalatedAt: Date | string | null;
  escalatedTo: string | null;
}

export interface Decider {
  id: string;
  roles: readonly Role[];
}

/**
 * The named approver, a holder of the approver role, an admin, and once escalated its target: the named user, or
 * (none named) any supervisor.
 */
export function mayDecideApproval(approval: ApprovalDeciders, decider: Decider): boolean {
  const escalatedToDecider = approval.escalatedAt !== null && (approval.escalatedTo === null ? decider.roles.includes('supervisor') : decider.id === approval.escalatedTo);
  return (
    decider.roles.includes('admin') ||
    decider.id === approval.approverUserId ||
    (approval.approverRole !== null && decider.roles.includes(approval.approverRole)) ||
    escalatedToDecider
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
