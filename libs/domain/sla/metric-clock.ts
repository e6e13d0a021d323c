import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from '../calendar/index.js';
import type { SlaAlarm, SlaBreach } from './sla-alarm.js';
import type { SlaMetric } from './sla-metric.js';
import type { SlaTarget } from './sla-policy.js';
import { calendarFor, targetMs, thresholdMs } from './sla-target-time.js';

/**
 * One metric's clock. It accrues time only while running, counted on its target's calendar (see calendarFor): the
 * time accrued in finished running stretches is kept in `elapsedBeforeMs`, and the current stretch runs from `since`.
 * Every function returns a new clock; none mutates its argument. Instants before `since` count as `since`.
 *
 * Deadlines: while running, the deadline is `since` plus what is left of the target, counted on the target's calendar.
 * When nothing is left (the target was reached in an earlier stretch: the clock was paused or stopped past its target,
 * then resumed), the deadline is `targetReachedAt`, the instant the accrual reached the target. The clock records it
 * exactly when it closes the stretch that crossed the target. It keeps no older stretches, so in one case it cannot be
 * exact: a retarget that lowers the target below time accrued before the current stretch. Then `targetReachedAt` is
 * the latest instant the clock is known to have been past the new target (`since` at the retarget, or the previous
 * crossing when that was earlier): a deadline no earlier than the truth, so overdue time is understated, never
 * inflated.
 *
 * Retargets keep the accrued time as it was counted (even when the new target switches between business hours and
 * calendar time), and keep the warnings and breach already recorded. Thresholds not yet fired fall due against the new
 * target.
 */
export type ClockState = 'running' | 'paused' | 'stopped';

export interface MetricClock {
  metric: SlaMetric;
  target: SlaTarget;
  state: ClockState;
  startedAt: number;
  /** Business (or calendar) ms accrued before `since`. */
  elapsedBeforeMs: number;
  /** Start of the current running stretch, or when the clock paused or stopped. */
  since: number;
  /** Warning thresholds (percents) already handled, ascending. */
  firedWarnings: number[];
  breach: SlaBreach | null;
  /** When the accrual reached the target, once `elapsedBeforeMs` covers it; null until then. */
  targetReachedAt: number | null;
}

export function startClock(metric: SlaMetric, target: SlaTarget, at: number): MetricClock {
  return {
    metric,
    target,
    state: 'running',
    startedAt: at,
    elapsedBeforeMs: 0,
    since: at,
    firedWarnings: [],
    breach: null,
    targetReachedAt: null,
  };
}

/** A running clock stops accruing; any other clock is returned unchanged. */
export function pauseClock(clock: MetricClock, cal: BusinessCalendar, at: number): MetricClock {
  if (clock.state !== 'running') return { ...clock };
  return { ...clock, ...closeStretch(clock, cal, at), state: 'paused' };
}

/** A paused or stopped clock runs again from `at`, continuing from what it had accrued. */
export function resumeClock(clock: MetricClock, at: number): MetricClock {
  if (clock.state === 'running') return { ...clock };
  return { ...clock, state: 'running', since: Math.max(at, clock.since) };
}

/** The metric is fulfilled (or the ticket solved): the clock keeps what it accrued and raises no more alarms. */
export function stopClock(clock: MetricClock, cal: BusinessCalendar, at: number): MetricClock {
  if (clock.state === 'stopped') return { ...clock };
  if (clock.state === 'paused') return { ...clock, state: 'stopped', since: Math.max(at, clock.since) };
  return { ...clock, ...closeStretch(clock, cal, at), state: 'stopped' };
}

/**
 * Counts the running stretch up to `at` on the clock's current calendar and starts a new stretch there: call it before
 * the clock moves to another calendar (a new policy), so time already passed is counted as it was promised.
 */
export function closeRunningStretch(clock: MetricClock, cal: BusinessCalendar, at: number): MetricClock {
  return clock.state === 'running' ? resumeClock(pauseClock(clock, cal, at), at) : { ...clock };
}

/** A new target for the same metric (priority or policy change); see the header for what is kept. */
export function retargetClock(clock: MetricClock, target: SlaTarget): MetricClock {
  const newMs = targetMs(target);
  const oldMs = targetMs(clock.target);
  let targetReachedAt: number | null = null;
  if (newMs <= clock.elapsedBeforeMs) {
    if (newMs === oldMs) targetReachedAt = clock.targetReachedAt;
    else if (newMs < oldMs && clock.targetReachedAt !== null) targetReachedAt = clock.targetReachedAt;
    else targetReachedAt = clock.since;
  }
  return { ...clock, target, targetReachedAt };
}

export function elapsedMs(clock: MetricClock, cal: BusinessCalendar, at: number): number {
  if (clock.state !== 'running') return clock.elapsedBeforeMs;
  return clock.elapsedBeforeMs + businessTimeBetween(calendarFor(clock.target, cal), clock.since, at);
}

/** Target − elapsed: negative once overdue. */
export function remainingMs(clock: MetricClock, cal: BusinessCalendar, at: number): number {
  return targetMs(clock.target) - elapsedMs(clock, cal, at);
}

/** When the clock reaches (or reached) its target; null unless running, since a still clock has no deadline. */
export function deadlineOf(clock: MetricClock, cal: BusinessCalendar): number | null {
  return clock.state === 'running' ? reachedAt(clock, cal, targetMs(clock.target)) : null;
}

/**
 * The earliest alarm still to handle, which may lie in the past (handle it at once); null unless the clock is running
 * and not yet breached. Warnings already fired are skipped, and so is a warning superseded by a higher alarm (a higher
 * percent, fired or not, or the breach) that falls due no later than it. Give `passedBy` and all alarms due by then
 * count as falling due together: a clock found past several points at once (a lowered target, an imported ticket) then
 * raises only the highest, not a warning per point; the ticket workflow passes when it last looked, so alarms that fell
 * due since (awaited, but a worker was down) still each fire. Without `passedBy` only points at the same instant
 * collapse: those passed before the current stretch began.
 */
export function nextAlarm(
  clock: MetricClock,
  cal: BusinessCalendar,
  thresholds: readonly number[],
  passedBy?: number,
): SlaAlarm | null {
  if (clock.state !== 'running' || clock.breach !== null) return null;
  const breachAt = reachedAt(clock, cal, targetMs(clock.target));
  const points = [...new Set(thresholds)]
    .filter((percent) => percent > 0 && percent < 100)
    .sort((a, b) => a - b)
    .map((threshold) => ({ threshold, at: reachedAt(clock, cal, thresholdMs(clock.target, threshold)) }));
  const due = (instant: number): boolean => passedBy !== undefined && instant <= passedBy;
  for (const [index, { threshold, at }] of points.entries()) {
    if (clock.firedWarnings.includes(threshold)) continue;
    const higher = [...points.slice(index + 1).map((point) => point.at), breachAt];
    const superseded = higher.some((higherAt) => higherAt <= at || (due(at) && due(higherAt)));
    // Points are ascending in time, so the first one not superseded is the earliest alarm.
    if (!superseded) return { kind: 'warning', metric: clock.metric, threshold, at };
  }
  return { kind: 'breach', metric: clock.metric, at: breachAt };
}

/** Marks a warning fired or records the breach; recording one already recorded changes nothing. */
export function recordAlarm(clock: MetricClock, alarm: SlaAlarm, detectedAt: number): MetricClock {
  if (alarm.metric !== clock.metric) {
    throw new Error(`A ${alarm.metric} alarm cannot be recorded on the ${clock.metric} clock.`);
  }
  if (alarm.kind === 'warning') {
    if (clock.firedWarnings.includes(alarm.threshold)) return { ...clock };
    return { ...clock, firedWarnings: [...clock.firedWarnings, alarm.threshold].sort((a, b) => a - b) };
  }
  if (clock.breach !== null) return { ...clock };
  const breach: SlaBreach = {
    metric: clock.metric,
    deadline: alarm.at,
    detectedAt,
    overdueMs: Math.max(0, detectedAt - alarm.at),
  };
  return { ...clock, breach };
}

/** When the accrual reaches `ms`; for a point already passed before the current stretch, see the header. */
function reachedAt(clock: MetricClock, cal: BusinessCalendar, ms: number): number {
  if (ms > clock.elapsedBeforeMs) {
    return addBusinessTime(calendarFor(clock.target, cal), clock.since, ms - clock.elapsedBeforeMs);
  }
  return clock.targetReachedAt ?? clock.since;
}

/** Folds the running stretch ending at `at` into the accrued time, noting when it carried the clock past its target. */
function closeStretch(clock: MetricClock, cal: BusinessCalendar, at: number) {
  const calendar = calendarFor(clock.target, cal);
  const end = Math.max(at, clock.since);
  const elapsedBeforeMs = clock.elapsedBeforeMs + businessTimeBetween(calendar, clock.since, end);
  const target = targetMs(clock.target);
  const targetReachedAt =
    clock.targetReachedAt ??
    (elapsedBeforeMs >= target ? addBusinessTime(calendar, clock.since, target - clock.elapsedBeforeMs) : null);
  return { elapsedBeforeMs, since: end, targetReachedAt };
}
