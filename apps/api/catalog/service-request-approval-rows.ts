import type { DataSource } from 'typeorm';
import type { Role } from '../../../libs/domain/auth/roles.js';
import type { ApprovalState } from '../../../libs/domain/catalog/approval-rules.js';

/** A row of service_request_approvals, as the fulfilment workflow wrote it. */
export interface ServiceRequestApproval {
  requestId: string;
  state: ApprovalState;
  approverUserId: string | null;
  approverRole: Role | null;
  requestedAt: Date;
  escalatedAt: Date | null;
  escalatedTo: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** The approvals of these requests (those that have one), in no particular order. */
export function readApprovals(dataSource: DataSource, requestIds: readonly string[]): Promise<ServiceRequestApproval[]> {
  return dataSource.query<ServiceRequestApproval[]>(
    `SELECT request_id AS "requestId", state, approver_user_id AS "approverUserId", approver_role AS "approverRole",
            requested_at AS "requestedAt", escalated_at AS "escalatedAt", escalated_to AS "escalatedTo",
            decided_by AS "decidedBy", decided_at AS "decidedAt", reason
       FROM service_request_approvals WHERE request_id = ANY($1::uuid[])`,
    [[...requestIds]],
  );
}
