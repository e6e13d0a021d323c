import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TicketChannel, TicketPriority } from '../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../libs/domain/tickets/ticket-status.js';

// The ticket workflow's public surface: the API imports this module, never the workflow implementation.

export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';

export function ticketWorkflowId(ticketId: string): string {
  return `ticket:${ticketId}`;
}

/** The facts of a new ticket, carried in the workflow's start arguments so the workflow can write the row itself. */
export interface NewTicket {
  id: string;
  subject: string;
  description: string;
  requesterEmail: string;
  channel: TicketChannel;
  priority: TicketPriority;
  createdBy: string | null;
  idempotencyKey: string | null;
  /** ISO instant the API accepted the request. */
  createdAt: string;
}

/** What the database assigned when the ticket row was written. */
export interface PersistedTicket {
  number: string;
  createdAt: string;
}

/** The lifecycle the workflow owns; also the live state supervisors read through `ticketStateQuery`. */
export interface TicketLifecycleState {
  ticketId: string;
  status: TicketStatus;
  priority: TicketPriority;
  /** Grows with every change; guards the read model in PostgreSQL against late writes. */
  lifecycleVersion: number;
  /** Sequence of the last timeline event written. */
  eventSequence: number;
  persisted: PersistedTicket | null;
  lastAgentReplyAt: string | null;
}

export interface TicketWorkflowInput {
  ticket: NewTicket;
  /** Present after continue-as-new. */
  carriedState?: TicketLifecycleState;
}

export interface ChangeStatusRequest {
  status: TicketStatus;
  actorUserId: string;
}

export interface AgentReplyEvent {
  messageId: string;
  actorUserId: string;
  isPublic: boolean;
  /** ISO instant the message was stored. */
  at: string;
}

/** Sent with update-with-start by createTicket: returns once the ticket row exists. */
export const openTicketUpdate = defineUpdate<PersistedTicket>('openTicket');
export const changeStatusUpdate = defineUpdate<TicketLifecycleState, [ChangeStatusRequest]>('changeStatus');
export const agentReplyUpdate = defineUpdate<TicketLifecycleState, [AgentReplyEvent]>('agentReply');
export const ticketStateQuery = defineQuery<TicketLifecycleState>('ticketState');

/** One line of the ticket's timeline, numbered by the workflow so a retried write is idempotent. */
export interface TimelineEvent {
  sequence: number;
  type: string;
  /** A user id, or 'system'. */
  actor: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The lifecycle fields and the new timeline events the workflow hands its activity to write. */
export interface LifecycleSnapshot {
  ticketId: string;
  status: TicketStatus;
  priority: TicketPriority;
  lifecycleVersion: number;
  events: TimelineEvent[];
}
