import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { TicketMessageEntity } from '../../libs/db/entities/ticket-message.entity.js';
import { recordFulfilmentTimelineEvent } from '../../libs/db/service-request-timeline-events.js';
import { insertMessageOnce } from '../../libs/db/ticket-messages.js';
import { rejectionReply, type ApprovalDecision } from '../../libs/domain/catalog/approval-rules.js';
import type { FulfilmentTaskTemplate, ItemApproval } from '../../libs/domain/catalog/catalog-item.js';
import type { TicketStatus } from '../../libs/domain/tickets/ticket-status.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import type { FulfilmentPlan, ServiceRequestInput } from '../../workflows/service-request/service-request.contract.js';
import {
  agentReplyUpdate,
  assignTicketUpdate,
  changeStatusUpdate,
  openTicketUpdate,
  TICKET_WORKFLOW_TYPE,
  ticketWorkflowId,
  type NewTicket,
  type TicketWorkflowInput,
} from '../../workflows/ticket/ticket.contract.js';

const SYSTEM_ACTOR = 'system';

export interface ServiceRequestActivityDeps {
  dataSource: DataSource;
}

export interface ApprovalRequestedInput {
  requestId: string;
  approval: ItemApproval;
  /** ISO instant, the workflow's. */
  requestedAt: string;
}

export interface ApprovalEscalatedInput {
  requestId: string;
  escalateToUserId: string | null;
  afterMinutes: number;
  escalatedAt: string;
}

export interface ApprovalDecidedInput {
  requestId: string;
  decision: ApprovalDecision;
  actorUserId: string;
  reason: string | null;
  decidedAt: string;
}

export interface RejectedRequestInput {
  requestId: string;
  /** Chosen by the workflow, so a retry stores (and replies with) the same message once. */
  messageId: string;
  itemName: string;
  reason: string;
  actorUserId: string;
}

export interface FulfilmentTaskInput {
  requestId: string;
  /** The task's ticket id, chosen by the workflow: a retry starts the same ticket once. */
  taskId: string;
  /** 1-based. */
  position: number;
  task: FulfilmentTaskTemplate;
  createdAt: string;
}

/** What a task copies from its request, and the status a change looks at first. */
interface TicketRow {
  requester_email: string;
  channel: NewTicket['channel'];
  priority: NewTicket['priority'];
  status: TicketStatus;
  group_id: string | null;
  organization_id: string | null;
  customer_tier: string | null;
}

/**
 * The side effects of a service request's fulfilment workflow: its approval row and timeline, and the changes it asks
 * of ticket workflows (the request's, its tasks') through their own updates, never by writing their rows. Each one is
 * idempotent: fixed ids and update ids, fixed timeline sequences, and a look at the row before a change that may be done.
 */
export function createServiceRequestActivities({ dataSource }: ServiceRequestActivityDeps) {
  const ticketRow = async (ticketId: string): Promise<TicketRow> => {
    const [row] = await dataSource.query<TicketRow[]>(
      `SELECT requester_email, channel, priority, status, group_id, organization_id, customer_tier FROM tickets WHERE id = $1`,
      [ticketId],
    );
    if (!row) throw ApplicationFailure.nonRetryable(`There is no ticket ${ticketId}.`, 'TicketNotFound');
    return row;
  };
  const ticketHandle = (ticketId: string) => Context.current().client.workflow.getHandle(ticketWorkflowId(ticketId));

  /** Runs a change of a ticket's workflow unless the ticket is closed (its workflow then takes no more; nothing to do). */
  const unlessClosed = async (ticketId: string, change: () => Promise<unknown>): Promise<void> => {
    try {
      await change();
    } catch (error) {
      const closed = error instanceof WorkflowNotFoundError || (error instanceof WorkflowUpdateFailedError && (await ticketRow(ticketId)).status === 'closed');
      if (!closed) throw error;
    }
  };

  return {
    /** The item's approval step and tasks, read once: the workflow keeps them, so a later catalog edit leaves this request as it was. */
    async readFulfilmentPlan({ itemId }: ServiceRequestInput): Promise<FulfilmentPlan> {
      const [item] = await dataSource.query<Array<{ name: string; approval: ItemApproval | null; fulfilment_tasks: FulfilmentTaskTemplate[] }>>(
        'SELECT name, approval, fulfilment_tasks FROM service_request_items WHERE id = $1',
        [itemId],
      );
      if (!item) throw ApplicationFailure.nonRetryable(`There is no request item ${itemId}.`, 'RequestItemNotFound');
      return { itemName: item.name, approval: item.approval, tasks: item.fulfilment_tasks };
    },

    async recordApprovalRequested({ requestId, approval, requestedAt }: ApprovalRequestedInput): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO service_request_approvals (request_id, approver_user_id, approver_role, state, requested_at)
           VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (request_id) DO NOTHING`,
          [requestId, approval.approverUserId, approval.approverRole, requestedAt],
        );
        await recordFulfilmentTimelineEvent(tx, requestId, {
          type: 'approval_requested',
          actor: SYSTEM_ACTOR,
          occurredAt: requestedAt,
          data: { approverUserId: approval.approverUserId, approverRole: approval.approverRole, escalateAfterMinutes: approval.escalateAfterMinutes },
        });
      });
    },

    /**
     * The approval waited its minutes: noted on the row (whoever it was escalated to may decide it from now on) and on the
     * request's timeline, where supervisors watching see it. No mail: the help desk mails only requesters and rollout
     * owners today, and the escalation target finds the request in `pendingApprovals`.
     */
    async escalateApproval({ requestId, escalateToUserId, afterMinutes, escalatedAt }: ApprovalEscalatedInput): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE service_request_approvals SET escalated_at = $2, escalated_to = $3 WHERE request_id = $1 AND escalated_at IS NULL`,
          [requestId, escalatedAt, escalateToUserId],
        );
        await recordFulfilmentTimelineEvent(tx, requestId, {
          type: 'approval_escalated',
          actor: SYSTEM_ACTOR,
          occurredAt: escalatedAt,
          data: { escalatedTo: escalateToUserId, recipients: escalateToUserId ? 'user' : 'supervisors', afterMinutes },
        });
      });
    },

    async recordApprovalDecision({ requestId, decision, actorUserId, reason, decidedAt }: ApprovalDecidedInput): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE service_request_approvals SET state = $2, decided_by = $3, decided_at = $4, reason = $5 WHERE request_id = $1 AND state = 'pending'`,
          [requestId, decision, actorUserId, decidedAt, reason],
        );
        await recordFulfilmentTimelineEvent(tx, requestId, {
          type: decision === 'approved' ? 'approval_approved' : 'approval_rejected',
          actor: actorUserId,
          occurredAt: decidedAt,
          data: { reason },
        });
      });
    },

    /**
     * A rejected request: one public reply telling its requester why (through the agent-reply update, so it is mailed and
     * timed like any reply), then solved and closed through its own workflow. A request already closed is left as it is.
     */
    async closeRejectedRequest({ requestId, messageId, itemName, reason, actorUserId }: RejectedRequestInput): Promise<void> {
      if ((await ticketRow(requestId)).status === 'closed') return;
      const reply = { id: messageId, ticketId: requestId, authorType: 'agent', authorUserId: actorUserId, body: rejectionReply(itemName, reason), isPublic: true } as const;
      // A retry finds the message its first attempt stored.
      const stored =
        (await insertMessageOnce(dataSource.manager, reply)) ?? (await dataSource.getRepository(TicketMessageEntity).findOneByOrFail({ id: messageId }));
      const handle = ticketHandle(requestId);
      await unlessClosed(requestId, () =>
        handle.executeUpdate(agentReplyUpdate, { args: [{ messageId, actorUserId, isPublic: true, at: stored.createdAt.toISOString() }], updateId: messageId }),
      );
      for (const status of ['solved', 'closed'] as const) {
        const now = (await ticketRow(requestId)).status;
        if (now === 'closed' || now === status) continue;
        await unlessClosed(requestId, () => handle.executeUpdate(changeStatusUpdate, { args: [{ status, actorUserId, mailSolved: false }], updateId: `fulfilment:rejected:${status}` }));
      }
    },

    /**
     * Task n of the request: a ticket of type task (its id fixed by the workflow), started like any ticket (its workflow
     * writes the row, with its link to the request) and given the template's assignee; the request's timeline notes it.
     */
    async startFulfilmentTask({ requestId, taskId, position, task, createdAt }: FulfilmentTaskInput): Promise<void> {
      const request = await ticketRow(requestId);
      const ticket: NewTicket = {
        id: taskId,
        type: 'task',
        subject: task.title,
        description: task.description,
        requesterEmail: request.requester_email,
        channel: request.channel,
        priority: request.priority,
        groupId: task.groupId ?? request.group_id,
        organizationId: request.organization_id,
        customerTier: request.customer_tier,
        tags: [],
        createdBy: null,
        idempotencyKey: null,
        followUpOf: null,
        createdAt,
        parentRequestId: requestId,
        taskPosition: position,
      };
      const [existing] = await dataSource.query<Array<{ id: string }>>('SELECT id FROM tickets WHERE id = $1', [taskId]);
      // A row means its workflow ran (it writes the row): a retry must not start a second run of a task since closed.
      if (!existing) {
        const { client, info } = Context.current();
        const input: TicketWorkflowInput = { ticket };
        const startWorkflowOperation = new WithStartWorkflowOperation(TICKET_WORKFLOW_TYPE, {
          workflowId: ticketWorkflowId(taskId),
          taskQueue: info.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          typedSearchAttributes: [
            { key: TICKET_STATUS_ATTRIBUTE, value: 'new' },
            { key: TICKET_PRIORITY_ATTRIBUTE, value: ticket.priority },
          ],
        });
        await client.workflow.executeUpdateWithStart(openTicketUpdate, { updateId: 'open', startWorkflowOperation });
      }
      if (task.assigneeId) {
        const assignee = { actorUserId: SYSTEM_ACTOR, groupId: ticket.groupId ?? undefined, agentId: task.assigneeId };
        await unlessClosed(taskId, () => ticketHandle(taskId).executeUpdate(assignTicketUpdate, { args: [assignee], updateId: 'fulfilment:assignee' }));
      }
      await recordFulfilmentTimelineEvent(dataSource.manager, requestId, {
        type: 'fulfilment_task_created',
        actor: SYSTEM_ACTOR,
        occurredAt: createdAt,
        taskPosition: position,
        data: { taskId, position, title: task.title, assigneeId: task.assigneeId },
      });
    },

    /** Every task is done: the timeline says so, and the request is solved through its own workflow (unless it is already). */
    async solveFulfilledRequest({ requestId, fulfilledAt }: { requestId: string; fulfilledAt: string }): Promise<void> {
      await recordFulfilmentTimelineEvent(dataSource.manager, requestId, { type: 'request_fulfilled', actor: SYSTEM_ACTOR, occurredAt: fulfilledAt, data: {} });
      const { status } = await ticketRow(requestId);
      if (status === 'solved' || status === 'closed') return;
      await unlessClosed(requestId, () =>
        ticketHandle(requestId).executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: SYSTEM_ACTOR }], updateId: 'fulfilment:fulfilled' }),
      );
    },
  };
}

export type ServiceRequestActivities = ReturnType<typeof createServiceRequestActivities>;
