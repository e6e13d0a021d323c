import type { BusinessCalendar } from '../calendar/index.js';
import type { TicketStatus } from '../tickets/ticket-status.js';
import {
  closeRunningStretch,
  type MetricClock,
  nextAlarm,
  pauseClock,
  recordAlarm,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
} from './metric-clock.js';
import type { SlaAlarm, SlaBreach } from './sla-alarm.js';
import { SLA_METRICS, type SlaMetric } from './sla-metric.js';
import type { SlaTarget } from './sla-policy.js';

/**
 * All SLA clocks of one ticket, driven by its events. The rules mirror common help desks:
 *
 * - created: starts first_reply and resolution (each only if targeted).
 * - agent public reply: fulfils first_reply and the current next_reply (their clocks stop, paused or running), and from
 *   then on customer replies call for a next reply. Internal notes change nothing.
 * - customer reply: once an agent has replied, starts a fresh next_reply clock (replacing a stopped one) unless one is
 *   already running or paused: the reply is owed from the customer's first unanswered message. Not while the ticket is
 *   solved or closed, where no clock runs: the workflow must apply the reopening status change first.
 * - status change: solved and closed stop every clock. Leaving solved (event.from 'solved': a reopen) resumes
 *   resolution from what it had accrued, or starts it if it is targeted but has no clock; first_reply and next_reply
 *   stay stopped. Then, for every clock that is not stopped: a status listed in pauseWhile[metric] pauses it, any
 *   other resumes it. So entering pending pauses resolution under the default rules, and a reopen straight into
 *   pending resumes it paused.
 * - a paused or stopped clock raises no alarms.
 *
 * Feed events in time order, and handle every alarm due at or before an event's instant before applying the event:
 * a clock that pauses or stops past its deadline raises no alarm afterwards.
 */
export type SlaEvent =
  | { type: 'created'; at: number }
  | { type: 'agent_replied'; at: number; public: boolean }
  | { type: 'customer_replied'; at: number }
  | { type: 'status_changed'; at: number; from: TicketStatus; to: TicketStatus };

/** What the ticket's SLA policy says for its current priority. */
export interface SlaRules {
  targets: Partial<Record<SlaMetric, SlaTarget>>;
  pauseWhile: Partial<Record<SlaMetric, TicketStatus[]>>;
  calendar: BusinessCalendar;
}

export interface TicketSla {
  clocks: Partial<Record<SlaMetric, MetricClock>>;
  /** Whether an agent has replied publicly: until then a customer reply is still waiting on the first reply. */
  agentHasReplied: boolean;
  status: TicketStatus;
}

type Clocks = TicketSla['clocks'];

const CLOSED_STATUSES: readonly TicketStatus[] = ['solved', 'closed'];

export function emptyTicketSla(): TicketSla {
  return { clocks: {}, agentHasReplied: false, status: 'new' };
}

export function applySlaEvent(sla: TicketSla, event: SlaEvent, rules: SlaRules): TicketSla {
  switch (event.type) {
    case 'created': {
      // Idempotent: a clock already there keeps running from when it started.
      const clocks = startIfTargeted({ ...sla.clocks }, rules, ['first_reply', 'resolution'], event.at);
      return settle({ ...sla, clocks }, rules, event.at);
    }
    case 'agent_replied': {
      if (!event.public) return sla;
      const clocks = { ...sla.clocks };
      for (const metric of ['first_reply', 'next_reply'] as const) {
        const clock = clocks[metric];
        if (clock) clocks[metric] = stopClock(clock, rules.calendar, event.at);
      }
      return { ...sla, clocks, agentHasReplied: true };
    }
    case 'customer_replied': {
      const current = sla.clocks.next_reply;
      const waitingAlready = current !== undefined && current.state !== 'stopped';
      if (!sla.agentHasReplied || waitingAlready || isClosed(sla.status)) return sla;
      const target = rules.targets.next_reply;
      if (!target) return sla;
      const clocks = { ...sla.clocks, next_reply: startClock('next_reply', target, event.at) };
      return settle({ ...sla, clocks }, rules, event.at);
    }
    case 'status_changed': {
      const clocks = { ...sla.clocks };
      if (event.from === 'solved' && !isClosed(event.to)) {
        if (clocks.resolution) clocks.resolution = resumeClock(clocks.resolution, event.at);
        else startIfTargeted(clocks, rules, ['resolution'], event.at);
      }
      return settle({ ...sla, clocks, status: event.to }, rules, event.at);
    }
  }
}

/** Every running clock counts up to `at` on the current calendar; call it with the old rules before retargeting. */
export function closeRunningStretches(sla: TicketSla, cal: BusinessCalendar, at: number): TicketSla {
  const clocks: Clocks = {};
  for (const metric of SLA_METRICS) {
    const clock = sla.clocks[metric];
    if (clock) clocks[metric] = closeRunningStretch(clock, cal, at);
  }
  return { ...sla, clocks };
}

/**
 * New targets after a priority or policy change (call closeRunningStretches with the old calendar first): each clock
 * takes its metric's new target (see retargetClock), a clock
 * whose metric lost its target goes, and a newly targeted metric that would be running now starts at `at`: first_reply
 * while no agent has replied, resolution while the ticket is not solved or closed. next_reply is not started here, as
 * the SLA does not know whether the last message was the customer's: it starts with the next customer reply. Call it
 * only after the created event.
 */
export function retargetTicketSla(sla: TicketSla, rules: SlaRules, at: number): TicketSla {
  const clocks: Clocks = {};
  for (const metric of SLA_METRICS) {
    const clock = sla.clocks[metric];
    const target = rules.targets[metric];
    if (clock && target) clocks[metric] = retargetClock(clock, target);
  }
  if (!isClosed(sla.status)) {
    startIfTargeted(clocks, rules, sla.agentHasReplied ? ['resolution'] : ['first_reply', 'resolution'], at);
  }
  return settle({ ...sla, clocks }, rules, at);
}

/**
 * The earliest alarm across the ticket's clocks (see nextAlarm, `passedBy` included); ties go to the metric listed first in
 * SLA_METRICS.
 */
export function nextTicketAlarm(
  sla: TicketSla,
  rules: SlaRules,
  thresholds: readonly number[],
  passedBy?: number,
): SlaAlarm | null {
  let earliest: SlaAlarm | null = null;
  for (const metric of SLA_METRICS) {
    const clock = sla.clocks[metric];
    const alarm = clock ? nextAlarm(clock, rules.calendar, thresholds, passedBy) : null;
    if (alarm && (!earliest || alarm.at < earliest.at)) earliest = alarm;
  }
  return earliest;
}

/** Records an alarm on its metric's clock; an alarm for a metric that no longer has a clock is stale and ignored. */
export function recordTicketAlarm(sla: TicketSla, alarm: SlaAlarm, detectedAt: number): TicketSla {
  const clock = sla.clocks[alarm.metric];
  if (!clock) return sla;
  return { ...sla, clocks: { ...sla.clocks, [alarm.metric]: recordAlarm(clock, alarm, detectedAt) } };
}

/**
 * The breaches recorded on the current clocks, in SLA_METRICS order. A fresh next_reply clock replaces the previous
 * one with its breach, so keep each breach when recordTicketAlarm records it if the full history matters.
 */
export function breachesOf(sla: TicketSla): SlaBreach[] {
  return SLA_METRICS.flatMap((metric) => sla.clocks[metric]?.breach ?? []);
}

function startIfTargeted(clocks: Clocks, rules: SlaRules, metrics: readonly SlaMetric[], at: number): Clocks {
  for (const metric of metrics) {
    const target = rules.targets[metric];
    if (target && !clocks[metric]) clocks[metric] = startClock(metric, target, at);
  }
  return clocks;
}

/** Brings every clock in line with the status: stopped when solved or closed, else paused or running per pauseWhile. */
function settle(sla: TicketSla, rules: SlaRules, at: number): TicketSla {
  const clocks: Clocks = {};
  for (const metric of SLA_METRICS) {
    const clock = sla.clocks[metric];
    if (!clock) continue;
    if (isClosed(sla.status)) clocks[metric] = stopClock(clock, rules.calendar, at);
    else if (clock.state === 'stopped') clocks[metric] = clock;
    else if (rules.pauseWhile[metric]?.includes(sla.status)) clocks[metric] = pauseClock(clock, rules.calendar, at);
    else clocks[metric] = resumeClock(clock, at);
  }
  return { ...sla, clocks };
}

function isClosed(status: TicketStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}
