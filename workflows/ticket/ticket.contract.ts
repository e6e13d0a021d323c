import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RequestValues } from '../../libs/domain/catalog/catalog-item.js';
import type { BusinessCalendar } from '../../libs/domain/calendar/index.js';
import type { EscalationPolicy, EscalationStep } from '../../libs/domain/escalation/index.js';
import type { RequiredSkill } from '../../libs/domain/routing/index.js';
import type { SlaAlarm, SlaMetric, SlaTarget, TicketSla } from '../../libs/domain/sla/index.js';
import type { TicketChannel, TicketPriority } from '../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../libs/domain/tickets/ticket-status.js';
import type { TicketType } from '../../libs/domain/tickets/ticket-type.js';

// The ticket workflow's public surface: the API imports this module, never the workflow implementation.

export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';

/** The failure type an update is refused with when the ticket is closed (the API answers CONFLICT, as it does once the workflow has ended). */
export const TICKET_CLOSED_FAILURE = 'TicketClosed';

export function ticketWorkflowId(ticketId: string): string {
  return `ticket:${ticketId}`;
}

/** The facts SLA policies are matched on; the workflow owns them once the ticket exists. */
export interface TicketClassification {
  priority: TicketPriority;
  groupId: string | null;
  organizationId: string | null;
  customerTier: string | null;
  tags: string[];
  /** question, incident, problem, service_request or task; changed by agents through reclassify. */
  type: TicketType;
}

/** The facts of a new ticket, carried in the workflow's start arguments so the workflow can write the row itself. */
export interface NewTicket extends Omit<TicketClassification, 'type'> {
  /** Absent in runs started before ticket types existed: the channel's default (ticketTypeOrDefault). */
  type?: TicketType;
  id: string;
  subject: string;
  description: string;
  requesterEmail: string;
  channel: TicketChannel;
  createdBy: string | null;
  idempotencyKey: string | null;
  /** The closed ticket this one follows up on. */
  followUpOf: string | null;
  /** Form fields (product, category, …) routing rules can match on. */
  fields?: Record<string, string>;
  /** ISO instant the API accepted the request. */
  createdAt: string;
  /** Set for tickets a migration run brought in: they send no customer notifications. */
  imported?: { runId: string; sourceSystem: string; sourceId: string };
  /** An imported incident's problem, linked by the import (its row has it); absent for every other start. */
  importedProblemId?: string;
  /** A service request's catalog item and its validated form values; absent for other tickets (and in older runs). */
  service?: ServiceRequestFacts;
  /**
   * Set for a service request's fulfilment task (type task): the request it fulfils (service-request.contract.ts); its
   * workflow tells the request's fulfilment when it is solved, and mails nobody (a task is internal work).
   */
  parentRequestId?: string | null;
  /** A fulfilment task's 1-based place in its request item's order. */
  taskPosition?: number | null;
}

/** What a service request was asked for: the service, its request item and the form values (see libs/domain/catalog). */
export interface ServiceRequestFacts {
  serviceId: string;
  requestItemId: string;
  values: RequestValues;
}

/** What the database assigned when the ticket row was written. */
export interface PersistedTicket {
  number: string;
  createdAt: string;
}

/**
 * The SLA rules that apply to the ticket now, resolved from PostgreSQL by an activity and kept in the workflow so
 * the clocks stay exact (and replay stays deterministic) whatever the configuration does later. Resolved again when
 * priority, group or organization change.
 */
export interface SlaRulesSnapshot {
  policy: { id: string; name: string; reason: string } | null;
  targets: Partial<Record<SlaMetric, SlaTarget>>;
  pauseWhile: Partial<Record<SlaMetric, TicketStatus[]>>;
  warningThresholds: number[];
  calendar: BusinessCalendar;
  escalationPolicy: EscalationPolicy | null;
  autoCloseDays: number;
}

/** What the routing rules decided for the ticket (a null rule: nothing matched, the fallback queue took it). */
export interface RoutingOutcome {
  ruleId: string | null;
  ruleName: string | null;
  reasons: string[];
  groupId: string;
  priority: TicketPriority;
  tags: string[];
  requiredSkills: RequiredSkill[];
}

/** Who took the ticket, or why nobody could (the ticket then waits in its group's queue). */
export interface AssignmentOutcome {
  agentId: string | null;
  reason: string;
}

/** An escalation step that repeats until someone acknowledges it. */
export interface PendingRepeat {
  stepIndex: number;
  step: EscalationStep;
  alarm: SlaAlarm;
  nextAt: number;
}

/** The lifecycle the workflow owns; also the live state supervisors read through `ticketStateQuery`. */
export interface TicketLifecycleState extends TicketClassification {
  ticketId: string;
  status: TicketStatus;
  /** Grows with every change; guards the read model in PostgreSQL against late writes. */
  lifecycleVersion: number;
  /** Sequence of the last timeline event written. */
  eventSequence: number;
  persisted: PersistedTicket | null;
  rules: SlaRulesSnapshot | null;
  sla: TicketSla;
  escalationLevel: number;
  pendingRepeats: PendingRepeat[];
  assigneeId: string | null;
  /** The last routing decision; a person moving the ticket to another group afterwards marks it misrouted. */
  routing: { ruleId: string | null; groupId: string; requiredSkills: RequiredSkill[] } | null;
  misrouted: boolean;
  /** Waiting in its group's queue for an agent to become available. */
  awaitingAgent: boolean;
  /** ISO instant of the last public agent reply. */
  lastAgentReplyAt: string | null;
  /** Epoch ms; the auto-close countdown runs from here while the ticket is solved. */
  solvedAt: number | null;
  closedAt: number | null;
  /** The satisfaction survey (`survey:<ticketId>`) runs; absent in tickets started before surveys existed. */
  surveyStarted?: boolean;
  /** The primary ticket this one was merged into (it is then closed); absent otherwise. */
  mergedInto?: string;
  /** Custom (form) fields, as last set; absent in runs carried over from before fields could change (then the start input's). */
  fields?: Record<string, string>;
  /** The problem this incident is linked to; absent (none) in runs from before problems. */
  problemId?: string | null;
  /** The last solved problem's solution this incident answered its requester with: a re-delivered notice is not answered twice. */
  answeredProblemSolution?: string;
}

export interface TicketWorkflowInput {
  ticket: NewTicket;
  /** For an imported open ticket: the status it had in the old help desk, which its lifecycle continues from. */
  importedStatus?: TicketStatus;
  /** Present after continue-as-new. */
  carriedState?: TicketLifecycleState;
  /** Continue-as-new once the history has this many events (tests lower it; Temporal's own suggestion also counts). */
  historyEventLimit?: number;
}

export interface ChangeStatusRequest {
  status: TicketStatus;
  actorUserId: string;
  /** False: the requester was just told in a reply (a rejected service request), so no solved notice. Absent: true. */
  mailSolved?: boolean;
}

export interface AgentReplyEvent {
  messageId: string;
  actorUserId: string;
  isPublic: boolean;
  /** ISO instant the message was stored. */
  at: string;
}

export interface CustomerReplyEvent {
  messageId: string;
  /** The user who logged it (an agent typing in a phone call), or null when it came in by itself. */
  actorUserId: string | null;
  at: string;
}

/** Only the fields given change. */
export interface ReclassifyRequest extends Partial<TicketClassification> {
  actorUserId: string;
}

/**
 * A person assigns the ticket. `groupId` moves it to that group first (omitted: it stays). `agentId` names the agent
 * (the API has checked they belong to the group); null unassigns (the ticket waits in its group's queue); omitted lets
 * the router pick an available member of the group, as routing does.
 */
export interface AssignRequest {
  actorUserId: string;
  groupId?: string;
  agentId?: string | null;
}

/** The complete custom fields after an agent's change (the API merges the change into the row's current fields). */
export interface UpdateFieldsRequest {
  actorUserId: string;
  /** Only the fields to change: a value sets one, null removes it (two agents changing different fields both land). */
  changes: Record<string, string | null>;
}

export interface ReapplySlaPolicyRequest {
  actorUserId: string;
}

export interface AcknowledgeRequest {
  actorUserId: string;
  note: string | null;
}

/** Sent with update-with-start by createTicket: returns once the ticket row exists. */
export const openTicketUpdate = defineUpdate<PersistedTicket>('openTicket');
export const changeStatusUpdate = defineUpdate<TicketLifecycleState, [ChangeStatusRequest]>('changeStatus');
export const agentReplyUpdate = defineUpdate<TicketLifecycleState, [AgentReplyEvent]>('agentReply');
export const customerReplyUpdate = defineUpdate<TicketLifecycleState, [CustomerReplyEvent]>('customerReply');
export const reclassifyUpdate = defineUpdate<TicketLifecycleState, [ReclassifyRequest]>('reclassify');
export const acknowledgeEscalationUpdate = defineUpdate<TicketLifecycleState, [AcknowledgeRequest]>('acknowledgeEscalation');
/** An admin re-applies the SLA policies to an open ticket (one created, or changed, after the ticket chose its own). */
export const reapplySlaPolicyUpdate = defineUpdate<TicketLifecycleState, [ReapplySlaPolicyRequest]>('reapplySlaPolicy');
export const assignTicketUpdate = defineUpdate<TicketLifecycleState, [AssignRequest]>('assignTicket');
export const updateFieldsUpdate = defineUpdate<TicketLifecycleState, [UpdateFieldsRequest]>('updateFields');
export const ticketStateQuery = defineQuery<TicketLifecycleState>('ticketState');
/** An agent of the ticket's group may have become available: a waiting ticket tries to get assigned again. */
export const assignmentOpportunitySignal = defineSignal('assignmentOpportunity');

/** One line of the ticket's timeline, numbered by the workflow so a retried write is idempotent. */
export interface TimelineEvent {
  sequence: number;
  type: TimelineEventType;
  /** A user id, or 'system'. */
  actor: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export type TimelineEventType =
  | 'created'
  | 'status_changed'
  | 'agent_replied'
  | 'customer_replied'
  | 'reopened'
  | 'auto_closed'
  | 'reclassified'
  | 'sla_policy_applied'
  | 'sla_started'
  | 'sla_paused'
  | 'sla_resumed'
  | 'sla_stopped'
  | 'sla_warning'
  | 'sla_breached'
  | 'escalation_notified'
  | 'escalation_reassigned'
  | 'escalation_priority_raised'
  | 'escalation_acknowledged'
  | 'routed'
  | 'assigned'
  | 'unassigned'
  | 'fields_changed'
  | 'queued'
  | 'misrouted'
  | 'merged'
  | 'merged_in'
  | 'collaborator_added'
  | 'collaborator_removed'
  | 'linked_to_problem'
  | 'unlinked_from_problem'
  | 'incident_linked'
  | 'incident_unlinked'
  | 'solved_with_problem'
  | 'known_error_recorded';

/** Timeline events pushed live to subscribers (warnings, breaches, escalations). */
export const LIVE_SLA_EVENT_TYPES: readonly TimelineEventType[] = [
  'sla_warning',
  'sla_breached',
  'escalation_notified',
  'escalation_reassigned',
  'escalation_priority_raised',
  'escalation_acknowledged',
];

/** The lifecycle fields and the new timeline events the workflow hands its activity to write. */
export interface LifecycleSnapshot extends TicketClassification {
  ticketId: string;
  status: TicketStatus;
  lifecycleVersion: number;
  slaPolicyId: string | null;
  slaPolicyName: string | null;
  /** ISO; the earliest deadline among running clocks. */
  slaDeadline: string | null;
  slaDeadlineMetric: SlaMetric | null;
  slaBreachedAt: string | null;
  escalationLevel: number;
  solvedAt: string | null;
  closedAt: string | null;
  assigneeId: string | null;
  routingRuleId: string | null;
  routedGroupId: string | null;
  misrouted: boolean;
  /**
   * Present only when an agent changed custom fields: those changes (null removes), applied to the stored map in SQL, so
   * fields a migration's delta run wrote meanwhile stay (other writes leave the column alone).
   */
  fieldChanges?: Record<string, string | null>;
  /** Present only when the incident was linked to a problem or unlinked (null) since the last write: the row's link. */
  problemLink?: { problemId: string | null };
  events: TimelineEvent[];
}
