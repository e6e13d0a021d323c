import { businessTimeBetween, type BusinessCalendar } from '../calendar/index.js';
import { SLA_METRICS, type SlaMetric } from '../sla/sla-metric.js';
import type { TicketStatus } from '../tickets/ticket-status.js';

// What one ticket contributes to every report, derived from what the system recorded about it: its row, its messages
// and the timeline its workflow wrote. Reports aggregate these facts; they never re-read timelines.

const MINUTE_MS = 60_000;

export interface ReportedMessage {
  authorType: 'agent' | 'customer';
  isPublic: boolean;
  /** Epoch ms. */
  at: number;
}

export interface ReportedEvent {
  type: string;
  actor: string;
  /** Epoch ms. */
  at: number;
  data: Record<string, unknown>;
}

/** Everything known about a ticket that its facts are derived from. */
export interface TicketHistory {
  /** Epoch ms the ticket was created (an imported ticket's original time). */
  createdAt: number;
  status: TicketStatus;
  /** From the row: used when the timeline has no status changes (imported history). */
  solvedAt: number | null;
  closedAt: number | null;
  /** The group the routing rules chose (null: not routed by them), and whether a person moved it elsewhere since. */
  routedGroupId: string | null;
  misrouted: boolean;
  /** The first reply an old help desk recorded (imported tickets): stands in when no public agent reply is here. */
  recordedFirstReplyAt?: number | null;
  messages: readonly ReportedMessage[];
  /** The timeline in sequence order (empty for an imported ticket without a workflow). */
  events: readonly ReportedEvent[];
  /** The calendar of the ticket's SLA policy (always open without one): business times are measured on it. */
  calendar: BusinessCalendar;
}

export type SlaOutcomeCounts = Record<SlaMetric, { met: number; breached: number }>;

export interface TicketFacts {
  /** When the ticket was last solved (or closed without being solved first), while it stays solved or closed. */
  solvedAt: number | null;
  /** When it stopped needing work: solved as above, or merged into another ticket; null while it is open (or unknown). */
  doneAt: number | null;
  firstReplyMinutes: number | null;
  firstReplyBusinessMinutes: number | null;
  resolutionMinutes: number | null;
  resolutionBusinessMinutes: number | null;
  /** For each customer message after the first public agent reply that an agent then answered: minutes to that answer. */
  nextReplyMinutes: number[];
  /** Minutes spent in pending (up to now for a ticket still pending is left out: only finished stretches count). */
  waitingOnCustomerMinutes: number;
  publicAgentReplies: number;
  reopens: number;
  /** Solved with exactly one public agent reply. */
  oneTouch: boolean;
  /** Solved with exactly one public agent reply and never reopened. */
  firstContactResolved: boolean;
  /** Escalation steps run on a breach or warning (repeats of a step not counted). */
  escalations: number;
  /** Times the ticket passed from one agent to another. */
  reassignments: number;
  routed: boolean;
  misrouted: boolean;
  /** Per SLA metric: clocks that stopped in time, and clocks that breached. A clock still running counts in neither. */
  sla: SlaOutcomeCounts;
  /** Minutes past the deadline at which each breached clock finally stopped. */
  slaMinutesPastDeadline: number[];
  /** Clocks that warned and were met after all. */
  slaWarningsMet: number;
}

const DONE_STATUSES: readonly string[] = ['solved', 'closed'];
const ESCALATION_STEP_EVENTS = ['escalation_notified', 'escalation_reassigned', 'escalation_priority_raised'];

const minutesBetween = (from: number, to: number) => (to - from) / MINUTE_MS;

export function ticketFacts(history: TicketHistory): TicketFacts {
  const { events } = history;
  const publicAgentReplies = history.messages.filter((message) => message.authorType === 'agent' && message.isPublic);
  const firstReplyAt =
    publicAgentReplies.length > 0 ? Math.min(...publicAgentReplies.map((message) => message.at)) : (history.recordedFirstReplyAt ?? null);
  const solvedAt = solvedAtOf(history);
  const reopens = events.filter((event) => event.type === 'reopened').length;
  const businessMinutes = (to: number) => businessTimeBetween(history.calendar, history.createdAt, to) / MINUTE_MS;
  const solved = solvedAt !== null;
  const oneTouch = solved && publicAgentReplies.length === 1;
  const { sla, pastDeadline, warningsMet } = slaOutcomes(events);
  const mergedAt = events.find((event) => event.type === 'merged')?.at ?? null;
  return {
    solvedAt,
    doneAt: solvedAt ?? mergedAt,
    firstReplyMinutes: firstReplyAt === null ? null : minutesBetween(history.createdAt, firstReplyAt),
    firstReplyBusinessMinutes: firstReplyAt === null ? null : businessMinutes(firstReplyAt),
    resolutionMinutes: solvedAt === null ? null : minutesBetween(history.createdAt, solvedAt),
    resolutionBusinessMinutes: solvedAt === null ? null : businessMinutes(solvedAt),
    nextReplyMinutes: nextReplyMinutes(history.messages, firstReplyAt),
    waitingOnCustomerMinutes: pendingMinutes(events),
    publicAgentReplies: publicAgentReplies.length,
    reopens,
    oneTouch,
    firstContactResolved: oneTouch && reopens === 0,
    escalations: events.filter((event) => ESCALATION_STEP_EVENTS.includes(event.type) && event.data.repeat !== true).length,
    reassignments: reassignmentsOf(events),
    routed: history.routedGroupId !== null,
    misrouted: history.routedGroupId !== null && history.misrouted,
    sla,
    slaMinutesPastDeadline: pastDeadline,
    slaWarningsMet: warningsMet,
  };
}

/**
 * The last move into solved or closed, if the ticket is still there; the row's times for a ticket without status events;
 * never for a merged ticket.
 */
function solvedAtOf(history: TicketHistory): number | null {
  if (!DONE_STATUSES.includes(history.status)) return null;
  // A duplicate merged into another ticket was closed, not solved: its request is answered on the primary.
  if (history.events.some((event) => event.type === 'merged')) return null;
  const changes = history.events.filter((event) => event.type === 'status_changed');
  if (changes.length === 0) return history.solvedAt ?? history.closedAt;
  let doneAt: number | null = null;
  for (const change of changes) {
    const wasDone = DONE_STATUSES.includes(String(change.data.from));
    const isDone = DONE_STATUSES.includes(String(change.data.to));
    if (isDone && !wasDone) doneAt = change.at;
    if (!isDone) doneAt = null;
  }
  return doneAt;
}

/**
 * The first customer message waiting for an answer after the first public agent reply, to the next public agent reply:
 * a customer writing three times before the agent answers is one wait, measured from the first of the three.
 */
function nextReplyMinutes(messages: readonly ReportedMessage[], firstReplyAt: number | null): number[] {
  if (firstReplyAt === null) return [];
  const waits: number[] = [];
  let waitingSince: number | null = null;
  for (const message of [...messages].sort((a, b) => a.at - b.at)) {
    if (message.at <= firstReplyAt || !message.isPublic) continue;
    if (message.authorType === 'customer') waitingSince ??= message.at;
    else if (waitingSince !== null) {
      waits.push(minutesBetween(waitingSince, message.at));
      waitingSince = null;
    }
  }
  return waits;
}

function pendingMinutes(events: readonly ReportedEvent[]): number {
  let total = 0;
  let pendingSince: number | null = null;
  for (const event of events) {
    if (event.type !== 'status_changed') continue;
    if (event.data.to === 'pending') pendingSince ??= event.at;
    else if (pendingSince !== null) {
      total += minutesBetween(pendingSince, event.at);
      pendingSince = null;
    }
  }
  return total;
}

function reassignmentsOf(events: readonly ReportedEvent[]): number {
  let current: string | null = null;
  let count = 0;
  for (const event of events) {
    if (event.type !== 'assigned') continue;
    const agentId = typeof event.data.agentId === 'string' ? event.data.agentId : null;
    if (agentId === null) continue;
    if (current !== null && agentId !== current) count += 1;
    current = agentId;
  }
  return count;
}

/**
 * Each clock's run from sla_started to its last sla_stopped: met, or breached (and by how much once it stopped). A
 * clock resumed after a stop (a reopened ticket's resolution clock) is the same run again: judged at its final stop.
 */
function slaOutcomes(events: readonly ReportedEvent[]): { sla: SlaOutcomeCounts; pastDeadline: number[]; warningsMet: number } {
  interface ClockRun {
    metric: SlaMetric;
    warned: boolean;
    deadline: number | null;
    stoppedAt: number | null;
  }
  const runs: ClockRun[] = [];
  const current = new Map<SlaMetric, ClockRun>();
  const lastStopped = new Map<SlaMetric, ClockRun>();
  for (const event of events) {
    const metric = event.data.metric as SlaMetric;
    if (!SLA_METRICS.includes(metric)) continue;
    if (event.type === 'sla_started') {
      const run: ClockRun = { metric, warned: false, deadline: null, stoppedAt: null };
      runs.push(run);
      current.set(metric, run);
    } else if (event.type === 'sla_resumed' && !current.has(metric) && lastStopped.has(metric)) {
      const run = lastStopped.get(metric)!;
      run.stoppedAt = null;
      current.set(metric, run);
    }
    const run = current.get(metric);
    if (!run) continue;
    if (event.type === 'sla_warning') run.warned = true;
    if (event.type === 'sla_breached') run.deadline = Date.parse(String(event.data.deadline));
    if (event.type === 'sla_stopped') {
      run.stoppedAt = event.at;
      current.delete(metric);
      lastStopped.set(metric, run);
    }
  }
  const sla = Object.fromEntries(SLA_METRICS.map((metric) => [metric, { met: 0, breached: 0 }])) as SlaOutcomeCounts;
  const pastDeadline: number[] = [];
  let warningsMet = 0;
  for (const run of runs) {
    // A clock still running that already breached counts as breached: the promise is broken whatever comes next.
    if (run.deadline !== null) {
      sla[run.metric].breached += 1;
      if (run.stoppedAt !== null) pastDeadline.push(minutesBetween(run.deadline, run.stoppedAt));
    } else if (run.stoppedAt !== null) {
      sla[run.metric].met += 1;
      if (run.warned) warningsMet += 1;
    }
  }
  return { sla, pastDeadline, warningsMet };
}
