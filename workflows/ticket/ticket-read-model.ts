import { deadlineOf, SLA_METRICS, breachesOf, type SlaMetric } from '../../libs/domain/sla/index.js';
import type { LifecycleSnapshot, TicketLifecycleState, TimelineEvent } from './ticket.contract.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The row the workflow writes to PostgreSQL: its lifecycle fields, the SLA summary lists are served from, new events. */
export function lifecycleSnapshot(state: TicketLifecycleState, events: TimelineEvent[]): LifecycleSnapshot {
  const next = nextDeadline(state);
  const firstBreach = Math.min(...breachesOf(state.sla).map((breach) => breach.deadline));
  return {
    ticketId: state.ticketId,
    status: state.status,
    priority: state.priority,
    groupId: state.groupId,
    organizationId: state.organizationId,
    customerTier: state.customerTier,
    tags: state.tags,
    type: state.type,
    lifecycleVersion: state.lifecycleVersion,
    slaPolicyId: state.rules?.policy?.id ?? null,
    slaPolicyName: state.rules?.policy?.name ?? null,
    slaDeadline: iso(next?.at ?? null),
    slaDeadlineMetric: next?.metric ?? null,
    slaBreachedAt: Number.isFinite(firstBreach) ? iso(firstBreach) : null,
    escalationLevel: state.escalationLevel,
    solvedAt: iso(state.solvedAt),
    closedAt: iso(state.closedAt),
    assigneeId: state.assigneeId,
    routingRuleId: state.routing?.ruleId ?? null,
    routedGroupId: state.routing?.groupId ?? null,
    misrouted: state.misrouted,
    events,
  };
}

/** The earliest deadline among running clocks, breached ones included (theirs lie in the past). */
function nextDeadline(state: TicketLifecycleState): { at: number; metric: SlaMetric } | null {
  if (!state.rules) return null;
  let next: { at: number; metric: SlaMetric } | null = null;
  for (const metric of SLA_METRICS) {
    const clock = state.sla.clocks[metric];
    const at = clock ? deadlineOf(clock, state.rules.calendar) : null;
    if (at !== null && (next === null || at < next.at)) next = { at, metric };
  }
  return next;
}
