import { formatDuration } from '../../lib/durations';
import { metricLabel } from './ticket-labels';

/** A timeline event as the API gives it (`data` is the workflow's JSON). */
export interface TimelineEventInput {
  type: string;
  actor: string;
  data: unknown;
}

export interface TimelineEntryText {
  /** What happened, in a few words. */
  title: string;
  /** Why, or the details that matter (the routing rule's reasons, the policy's match, a breach's overdue time). */
  detail?: string;
  tone: 'ok' | 'warn' | 'danger' | 'info' | 'neutral';
}

/** Names for the ids the timeline carries (group ids, user ids), as the screen knows them. */
export interface TimelineNames {
  group(id: string | null | undefined): string;
  person(id: string): string;
}

type Data = Record<string, unknown>;

const word = (value: unknown): string => String(value ?? '').replace(/_/g, ' ');
const minutes = (value: unknown): string => formatDuration(Number(value) * 60);

function changes(data: Data): string {
  return Object.entries(data)
    .map(([name, change]) => {
      const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
      return `${word(name)}: ${word(from ?? '—')} → ${word(to ?? '—')}`;
    })
    .join('; ');
}

/** How one timeline event reads: what the workflow (or a person) did, and why. */
export function describeEvent(event: TimelineEventInput, names: TimelineNames): TimelineEntryText {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Data;
  const metric = metricLabel(data.metric);
  switch (event.type) {
    case 'created':
      return { title: `Ticket created (${word(data.channel)})`, tone: 'info' };
    case 'status_changed':
      return { title: `Status changed: ${word(data.from)} → ${word(data.to)}`, tone: 'info' };
    case 'agent_replied':
      return data.isPublic === false ? { title: 'Internal note added', tone: 'neutral' } : { title: 'Agent replied to the customer', tone: 'info' };
    case 'customer_replied':
      return { title: 'Customer replied', tone: 'info' };
    case 'reopened':
      return { title: 'Reopened by the customer’s reply', tone: 'warn' };
    case 'auto_closed':
      return { title: 'Closed automatically', detail: `Solved and quiet for ${data.afterDays} days.`, tone: 'neutral' };
    case 'routed': {
      const reasons = Array.isArray(data.reasons) ? data.reasons.map(String).join(' ') : undefined;
      const to = names.group(String(data.groupId));
      return data.fallback
        ? { title: `Routed to the fallback queue ${to}`, detail: reasons, tone: 'warn' }
        : { title: `Routed to ${to} by rule “${word(data.ruleName)}”`, detail: reasons, tone: 'info' };
    }
    case 'assigned':
      return { title: `Assigned to ${names.person(String(data.agentId))}`, detail: data.reason ? String(data.reason) : undefined, tone: 'info' };
    case 'queued':
      return { title: `Waiting in the ${names.group(String(data.groupId))} queue`, detail: data.reason ? String(data.reason) : undefined, tone: 'neutral' };
    case 'unassigned':
      return { title: 'Unassigned', tone: 'neutral' };
    case 'misrouted':
      return { title: 'Moved away from the group routing chose', tone: 'warn' };
    case 'reclassified':
      return { title: 'Reclassified', detail: changes(data), tone: 'info' };
    case 'fields_changed':
      return { title: 'Fields changed', detail: changes(data), tone: 'info' };
    case 'sla_policy_applied':
      return data.name
        ? { title: `SLA policy “${data.name}” applies`, detail: data.reason ? String(data.reason) : undefined, tone: 'info' }
        : { title: 'No SLA policy applies', detail: data.reason ? String(data.reason) : undefined, tone: 'neutral' };
    case 'sla_started':
      return {
        title: `${metric} clock started`,
        detail: `Target ${minutes(data.targetMinutes)}${data.businessHours ? ' of business time' : ''}.`,
        tone: 'neutral',
      };
    case 'sla_paused':
      return { title: `${metric} clock paused`, tone: 'neutral' };
    case 'sla_resumed':
      return { title: `${metric} clock resumed`, tone: 'neutral' };
    case 'sla_stopped':
      return { title: `${metric} clock stopped`, tone: 'ok' };
    case 'sla_warning':
      return { title: `${metric} SLA warning`, detail: `${data.threshold}% of the target used.`, tone: 'warn' };
    case 'sla_breached':
      return {
        title: `${metric} SLA breached`,
        detail: data.overdueMs !== undefined ? `Detected ${formatDuration(Number(data.overdueMs) / 1000)} after the deadline.` : undefined,
        tone: 'danger',
      };
    case 'escalation_notified':
      return { title: `Escalation step ${data.step}: ${word(data.recipients)} notified`, detail: `After the ${metric} ${word(data.trigger)}.`, tone: 'danger' };
    case 'escalation_reassigned':
      return {
        title: `Escalation step ${data.step}: moved to ${names.group(String(data.to))}`,
        detail: `After the ${metric} ${word(data.trigger)}.`,
        tone: 'danger',
      };
    case 'escalation_priority_raised':
      return {
        title: `Escalation step ${data.step}: priority ${word(data.from)} → ${word(data.to)}`,
        detail: `After the ${metric} ${word(data.trigger)}.`,
        tone: 'danger',
      };
    case 'escalation_acknowledged':
      return { title: 'Escalation acknowledged', detail: data.note ? String(data.note) : undefined, tone: 'ok' };
    case 'merged':
      return { title: `Merged into #${data.intoNumber}`, tone: 'neutral' };
    case 'merged_in':
      return { title: `Ticket #${data.fromNumber} merged into this one`, tone: 'neutral' };
    case 'collaborator_added':
      return { title: `${data.email} copied on replies`, tone: 'neutral' };
    case 'collaborator_removed':
      return { title: `${data.email} no longer copied`, tone: 'neutral' };
    case 'approval_requested':
      return {
        title: `Approval requested from ${data.approverUserId ? names.person(String(data.approverUserId)) : `the ${word(data.approverRole)} role`}`,
        tone: 'info',
      };
    case 'approval_escalated':
      return {
        title: `Approval escalated to ${data.escalatedTo ? names.person(String(data.escalatedTo)) : 'the supervisors'}`,
        detail: `Waiting for ${minutes(data.afterMinutes)}.`,
        tone: 'warn',
      };
    case 'approval_approved':
      return { title: `Approved by ${names.person(event.actor)}`, detail: data.reason ? String(data.reason) : undefined, tone: 'ok' };
    case 'approval_rejected':
      return { title: `Rejected by ${names.person(event.actor)}`, detail: data.reason ? String(data.reason) : undefined, tone: 'danger' };
    case 'fulfilment_task_created':
      return { title: `Task ${data.position} started: ${data.title}`, tone: 'info' };
    case 'request_fulfilled':
      return { title: 'Every task done: request fulfilled', tone: 'ok' };
    case 'linked_to_problem':
      return { title: `Linked to problem #${data.problemNumber}`, tone: 'info' };
    case 'unlinked_from_problem':
      return { title: 'Unlinked from its problem', tone: 'neutral' };
    case 'incident_linked':
      return { title: `Incident #${data.incidentNumber} linked`, tone: 'info' };
    case 'incident_unlinked':
      return { title: `Incident #${data.incidentNumber} unlinked`, tone: 'neutral' };
    case 'solved_with_problem':
      return { title: `Solved with problem #${data.problemNumber}`, tone: 'ok' };
    case 'known_error_recorded':
      return { title: 'Known error recorded', tone: 'info' };
    default:
      return { title: word(event.type), tone: 'neutral' };
  }
}
