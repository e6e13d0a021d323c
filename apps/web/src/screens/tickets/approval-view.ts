import type { ApprovalState, Role } from '../../gql/schema-types';
import { badgeClass } from './ticket-labels';

/** A service request's approval as the ticket view reads it. */
export interface ApprovalView {
  state: ApprovalState;
  approverUserId?: string | null;
  approverRole?: Role | null;
  escalatedAt?: string | null;
  escalatedTo?: string | null;
  decidedBy?: string | null;
}

export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/**
 * Whether the viewer is offered Approve / Reject: a pending approval, and the API's rule for who decides (the named
 * approver, a holder of the approver role, an admin, once escalated whom it went to: a named user or, none named, any
 * supervisor). The API still decides; a refusal
 * shows its message.
 */
export function mayDecide(approval: ApprovalView, viewer: Viewer | null | undefined): boolean {
  if (!viewer || approval.state !== 'PENDING') return false;
  return (
    viewer.roles.includes('ADMIN') ||
    viewer.id === approval.approverUserId ||
    (!!approval.approverRole && viewer.roles.includes(approval.approverRole)) ||
    (!!approval.escalatedAt && (approval.escalatedTo ? viewer.id === approval.escalatedTo : viewer.roles.includes('SUPERVISOR')))
  );
}

/** A user the view knows only by id: the viewer is "you"; the API names no one else here. */
export function personText(userId: string, myId: string | undefined): string {
  return userId === myId ? 'you' : `user ${userId.slice(0, 8)}`;
}

/** Who approves: a named user or anyone holding a role. */
export function approverText(approval: ApprovalView, myId: string | undefined): string {
  if (approval.approverUserId) return personText(approval.approverUserId, myId);
  if (approval.approverRole) return `anyone with the ${approval.approverRole.toLowerCase().replaceAll('_', ' ')} role`;
  return 'nobody named';
}

/** Where an escalation went: a named user, or (none named) the supervisors. */
export function escalatedToText(approval: ApprovalView, myId: string | undefined): string | null {
  if (!approval.escalatedAt) return null;
  return approval.escalatedTo ? personText(approval.escalatedTo, myId) : 'the supervisors';
}

const STATE_LABELS: Record<ApprovalState, string> = { PENDING: 'Waiting for approval', APPROVED: 'Approved', REJECTED: 'Rejected' };

export const approvalStateLabel = (state: ApprovalState): string => STATE_LABELS[state];
export const approvalStateBadge = (state: ApprovalState): string => badgeClass(state === 'PENDING' ? 'warn' : state === 'APPROVED' ? 'ok' : 'danger');
