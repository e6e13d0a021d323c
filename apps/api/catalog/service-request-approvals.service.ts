import { Injectable } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { decisionRefusal, mayDecideApproval, type ApprovalDecision } from '../../../libs/domain/catalog/approval-rules.js';
import {
  APPROVAL_NOT_PENDING_FAILURE,
  decideApprovalUpdate,
  serviceRequestWorkflowId,
} from '../../../workflows/service-request/service-request.contract.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError, userError } from '../common/user-error.js';
import { MAX_PAGE_SIZE } from '../tickets/tickets.service.js';
import { TicketVisibility } from '../tickets/ticket-visibility.js';
import { readApprovals } from './service-request-approval-rows.js';

/**
 * Deciding a service request's approval (issue 15). The approval row (written by the request's fulfilment workflow)
 * says who may decide; the decision itself goes to that workflow, whose validator refuses a second one, so two deciders
 * racing get one success and one CONFLICT.
 */
@Injectable()
export class ServiceRequestApprovalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly visibility: TicketVisibility,
  ) {}

  /** Returns the request; its approval shows the decision, its fulfilment follows within moments. */
  async decide(requestId: string, decision: ApprovalDecision, reason: string | null, caller: AuthenticatedUser): Promise<TicketEntity> {
    const request = await this.dataSource.getRepository(TicketEntity).findOneBy({ id: requestId });
    if (!request) throw userError('NOT_FOUND', `There is no ticket ${requestId}.`);
    const [approval] = await readApprovals(this.dataSource, [requestId]);
    if (!approval) {
      await this.refuseUnseen(request, caller);
      throw userError('CONFLICT', `Ticket #${request.number} has no approval waiting.`);
    }
    if (!mayDecideApproval(approval, caller)) {
      await this.refuseUnseen(request, caller);
      throw userError('FORBIDDEN', `Only the approver of ticket #${request.number}, whom it was escalated to, or an admin may decide its approval.`);
    }
    const refusal = decisionRefusal(approval.state, decision, reason);
    if (refusal?.kind === 'conflict') throw userError('CONFLICT', `Ticket #${request.number}: ${refusal.message}`);
    if (refusal) throw fieldError(refusal.field ?? 'reason', refusal.message);
    try {
      await this.temporal.workflow
        .getHandle(serviceRequestWorkflowId(requestId))
        .executeUpdate(decideApprovalUpdate, { args: [{ decision, actorUserId: caller.id, reason }] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === APPROVAL_NOT_PENDING_FAILURE) {
        throw userError('CONFLICT', `Ticket #${request.number}: ${error.cause.message}`);
      }
      if (error instanceof WorkflowUpdateFailedError) throw fieldError('reason', error.cause?.message ?? error.message);
      if (error instanceof WorkflowNotFoundError) throw userError('CONFLICT', `Ticket #${request.number} has no approval waiting.`);
      throw error;
    }
    return this.dataSource.getRepository(TicketEntity).findOneByOrFail({ id: requestId });
  }

  /** The requests waiting on the caller's decision: named, by a role they hold, or escalated to them (or to the supervisors); oldest first. */
  pendingFor(caller: AuthenticatedUser): Promise<TicketEntity[]> {
    return this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .innerJoin('service_request_approvals', 'a', 'a.request_id = t.id')
      .where(`a.state = 'pending'`)
      .andWhere(
        `(a.approver_user_id = :userId OR a.escalated_to = :userId OR a.approver_role = ANY(:roles)
          OR (a.escalated_at IS NOT NULL AND a.escalated_to IS NULL AND 'supervisor' = ANY(:roles)))`,
        { userId: caller.id, roles: caller.roles },
      )
      .orderBy('a.requested_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(MAX_PAGE_SIZE)
      .getMany();
  }

  /** A ticket the caller may neither decide nor see answers as if it did not exist (ids do not leak). */
  private async refuseUnseen(request: TicketEntity, caller: AuthenticatedUser): Promise<void> {
    if (!(await this.visibility.canSee(request, caller))) throw userError('NOT_FOUND', `There is no ticket ${request.id}.`);
  }
}
