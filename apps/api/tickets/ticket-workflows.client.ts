import { Inject, Injectable } from '@nestjs/common';
import { Client, ServiceError, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../../libs/temporal/search-attributes.js';
import {
  acknowledgeEscalationUpdate,
  agentReplyUpdate,
  assignmentOpportunitySignal,
  assignTicketUpdate,
  changeStatusUpdate,
  customerReplyUpdate,
  reclassifyUpdate,
  openTicketUpdate,
  TICKET_CLOSED_FAILURE,
  TICKET_WORKFLOW_TYPE,
  ticketStateQuery,
  ticketWorkflowId,
  updateFieldsUpdate,
  type AcknowledgeRequest,
  type AssignRequest,
  type AgentReplyEvent,
  type ChangeStatusRequest,
  type CustomerReplyEvent,
  type ReclassifyRequest,
  type NewTicket,
  type PersistedTicket,
  type TicketLifecycleState,
  type TicketWorkflowInput,
  type UpdateFieldsRequest,
} from '../../../workflows/ticket/ticket.contract.js';
import { collaboratorChangedUpdate, type CollaboratorChange } from '../../../workflows/ticket/ticket-collaborators.contract.js';
import { mergeIntoUpdate, type MergeIntoRequest } from '../../../workflows/ticket/ticket-merge.contract.js';
import {
  knownErrorRecordedUpdate,
  linkToProblemUpdate,
  solveProblemUpdate,
  unlinkFromProblemUpdate,
  type KnownErrorRecordedRequest,
  type LinkToProblemRequest,
  type SolveProblemRequest,
  type UnlinkFromProblemRequest,
} from '../../../workflows/ticket/ticket-problem.contract.js';
import { APP_CONFIG } from '../app-config.token.js';
import { userError } from '../common/user-error.js';

/** The API's only door to ticket workflows: start, update and query, with Temporal errors turned into user errors. */
@Injectable()
export class TicketWorkflowsClient {
  constructor(
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts the ticket's workflow (or joins the one already running for this id) and waits until it has written the
   * ticket row. Safe to repeat: the workflow id and the update id make a retry land on the same ticket.
   */
  open(ticket: NewTicket): Promise<PersistedTicket> {
    const input: TicketWorkflowInput = { ticket };
    const startWorkflowOperation = new WithStartWorkflowOperation(TICKET_WORKFLOW_TYPE, {
      workflowId: ticketWorkflowId(ticket.id),
      taskQueue: this.config.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      typedSearchAttributes: [
        { key: TICKET_STATUS_ATTRIBUTE, value: 'new' },
        { key: TICKET_PRIORITY_ATTRIBUTE, value: ticket.priority },
      ],
    });
    return this.temporal.workflow.executeUpdateWithStart(openTicketUpdate, { updateId: 'open', startWorkflowOperation });
  }

  changeStatus(ticketId: string, request: ChangeStatusRequest): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(changeStatusUpdate, { args: [request] }),
    );
  }

  /** The message id doubles as the update id, so a retried reply is applied once. */
  agentReplied(ticketId: string, reply: AgentReplyEvent): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow
        .getHandle(ticketWorkflowId(ticketId))
        .executeUpdate(agentReplyUpdate, { args: [reply], updateId: reply.messageId }),
    );
  }

  /** The message id doubles as the update id, as for agent replies. */
  customerReplied(ticketId: string, reply: CustomerReplyEvent): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow
        .getHandle(ticketWorkflowId(ticketId))
        .executeUpdate(customerReplyUpdate, { args: [reply], updateId: reply.messageId }),
    );
  }

  reclassify(ticketId: string, request: ReclassifyRequest): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(reclassifyUpdate, { args: [request] }),
    );
  }

  acknowledgeEscalation(ticketId: string, request: AcknowledgeRequest): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(acknowledgeEscalationUpdate, { args: [request] }),
    );
  }

  assign(ticketId: string, request: AssignRequest): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(assignTicketUpdate, { args: [request] }),
    );
  }

  updateFields(ticketId: string, request: UpdateFieldsRequest): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(updateFieldsUpdate, { args: [request] }),
    );
  }

  /** A ticket is merged once: the fixed update id makes a retried merge land on the first. */
  /** One update id per primary: a retry lands once, and a merge refused into one primary does not block another. */
  mergeInto(duplicateTicketId: string, request: MergeIntoRequest): Promise<TicketLifecycleState> {
    return this.update(duplicateTicketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(duplicateTicketId)).executeUpdate(mergeIntoUpdate, { args: [request], updateId: `merge:${request.primaryTicketId}` }),
    );
  }

  /** Relinking to the same problem changes nothing, so a retry needs no update id. */
  linkToProblem(incidentId: string, request: LinkToProblemRequest): Promise<TicketLifecycleState> {
    return this.update(incidentId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(incidentId)).executeUpdate(linkToProblemUpdate, { args: [request] }),
    );
  }

  unlinkFromProblem(incidentId: string, request: UnlinkFromProblemRequest): Promise<TicketLifecycleState> {
    return this.update(incidentId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(incidentId)).executeUpdate(unlinkFromProblemUpdate, { args: [request] }),
    );
  }

  /** The solution's message id doubles as the update id: a retried solve is applied once. */
  solveProblem(problemId: string, request: SolveProblemRequest): Promise<TicketLifecycleState> {
    return this.update(problemId, () =>
      this.temporal.workflow
        .getHandle(ticketWorkflowId(problemId))
        .executeUpdate(solveProblemUpdate, { args: [request], updateId: `solve:${request.solutionMessageId}` }),
    );
  }

  knownErrorRecorded(problemId: string, request: KnownErrorRecordedRequest): Promise<TicketLifecycleState> {
    return this.update(problemId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(problemId)).executeUpdate(knownErrorRecordedUpdate, { args: [request] }),
    );
  }

  collaboratorChanged(ticketId: string, change: CollaboratorChange): Promise<TicketLifecycleState> {
    return this.update(ticketId, () =>
      this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(collaboratorChangedUpdate, { args: [change] }),
    );
  }

  /** Tells a ticket waiting in its group's queue that an agent may have become available. */
  async offerAssignment(ticketId: string): Promise<void> {
    await this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).signal(assignmentOpportunitySignal);
  }

  /**
   * The workflow's live state. No worker answering (all stopped, or too busy until the query's deadline) or Temporal
   * out of reach is SERVICE_UNAVAILABLE: a read the caller may simply repeat, not an internal error.
   */
  async liveState(ticketId: string): Promise<TicketLifecycleState> {
    try {
      return await this.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).query(ticketStateQuery);
    } catch (error) {
      if (error instanceof ServiceError) throw userError('SERVICE_UNAVAILABLE', `The workflow of ticket ${ticketId} did not answer (its worker may be down or busy); try again shortly.`);
      throw error;
    }
  }

  private async update<T>(ticketId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      // A closed ticket: the same answer whether its workflow still runs (finishing its last mail) or has ended.
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === TICKET_CLOSED_FAILURE) {
        throw userError('CONFLICT', error.cause.message);
      }
      // A validator's refusal: the message names what is allowed.
      if (error instanceof WorkflowUpdateFailedError) throw userError('BAD_USER_INPUT', error.cause?.message ?? error.message);
      if (error instanceof WorkflowNotFoundError) throw userError('CONFLICT', `Ticket ${ticketId} has no running workflow; it is closed.`);
      throw error;
    }
  }
}
