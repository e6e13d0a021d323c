import { ALWAYS_OPEN_CALENDAR, businessTimeBetween, type BusinessCalendar, type Weekday } from '../calendar/index.js';
import { allowedTransitions } from '../tickets/ticket-status.js';
import { deadlineOf, elapsedMs, nextAlarm, remainingMs, type MetricClock } from './metric-clock.js';
import type { SlaAlarm } from './sla-alarm.js';
import { SLA_METRICS, type SlaMetric } from './sla-metric.js';
import { DEFAULT_PAUSE_WHILE } from './sla-policy.js';
import { calendarFor, targetMs, thresholdMs } from './sla-target-time.js';
import {
  applySlaEvent,
  emptyTicketSla,
  nextTicketAlarm,
  recordTicketAlarm,
  retargetTicketSla,
  type SlaEvent,
  type SlaRules,
  type TicketSla,
} from './ticket-sla.js';

/**
 * Random ticket histories against an oracle that only watches clock states: between two events a running clock must
 * accrue exactly the business time between them, and a paused or stopped one nothing. Deadlines and alarms must agree
 * with the accrual.
 */
const MINUTE = 60_000;
const SEQUENCES = 60;
const STEPS = 20;
const THRESHOLDS = [50, 75, 90];

/** mulberry32: small, seeded, good enough to spread cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const office: BusinessCalendar = {
  timeZone: 'America/New_York',
  intervals: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-03-10' }],
};

// Starts around both 2026 offset changes in New York, so that many histories cross one.
const STARTS = [Date.parse('2026-03-04T12:00:00Z'), Date.parse('2026-10-28T12:00:00Z')];

// What the histories went through, so that a change to the generator cannot quietly stop exercising a rule.
const seen = { paused: 0, reopened: 0, warnings: 0, breaches: 0, pastEarlierStretch: 0, nextReplies: 0, retargets: 0 };

interface Oracle {
  startedAt: number;
  elapsed: number;
}

function check(condition: boolean, what: string, context: () => unknown): void {
  if (!condition) throw new Error(`${what}\n${JSON.stringify(context(), null, 1)}`);
}

describe('ticket SLA clocks over random histories', () => {
  const random = prng(20260308);
  const seeds = Array.from({ length: SEQUENCES }, () => Math.floor(random() * 2 ** 31));

  it.each(seeds.map((seed, index) => [index, seed] as const))('history %i', (_, seed) => {
    const rnd = prng(seed);
    const int = (n: number): number => Math.floor(rnd() * n);
    // Each metric keeps its kind of time for the whole history, so accrual can be compared with its calendar.
    const businessHours = Object.fromEntries(SLA_METRICS.map((m) => [m, rnd() < 0.7])) as Record<SlaMetric, boolean>;
    const randomRules = (): SlaRules => {
      const targets: SlaRules['targets'] = {};
      for (const metric of SLA_METRICS) {
        const minutes = rnd() < 0.4 ? 5 + int(2 * 60) : 15 + int(16 * 60);
        if (rnd() < 0.85) targets[metric] = { minutes, businessHours: businessHours[metric] };
      }
      return { targets, pauseWhile: DEFAULT_PAUSE_WHILE, calendar: rnd() < 0.8 ? office : ALWAYS_OPEN_CALENDAR };
    };

    let rules = randomRules();
    let now = STARTS[int(STARTS.length)] + int(3 * 1440) * MINUTE;
    let sla = applySlaEvent(emptyTicketSla(), { type: 'created', at: now }, rules);
    const oracle = new Map<SlaMetric, Oracle>();
    const log: unknown[] = [{ created: new Date(now).toISOString(), rules }];
    const context = () => ({ seed, log, sla });

    const syncOracle = (): void => {
      for (const metric of SLA_METRICS) {
        const clock = sla.clocks[metric];
        const known = oracle.get(metric);
        if (!clock) oracle.delete(metric);
        else if (!known || known.startedAt !== clock.startedAt) oracle.set(metric, { startedAt: clock.startedAt, elapsed: 0 });
      }
    };
    syncOracle();

    /** Checks a clock at `instant`, which the last event (at `now`) precedes with no event between. */
    const checkClock = (clock: MetricClock, instant: number): void => {
      const cal = rules.calendar;
      const elapsed = elapsedMs(clock, cal, instant);
      const { elapsed: expected } = oracle.get(clock.metric)!;
      const extra = clock.state === 'running' ? businessTimeBetween(calendarFor(clock.target, cal), now, instant) : 0;
      check(elapsed === expected + extra, `${clock.metric}: elapsed ${elapsed} ≠ accrued ${expected + extra}`, context);
      const possible = businessTimeBetween(calendarFor(clock.target, cal), clock.startedAt, instant);
      check(elapsed <= possible, `${clock.metric}: elapsed ${elapsed} exceeds the ${possible} since it started`, context);
      const deadline = deadlineOf(clock, cal);
      const remaining = remainingMs(clock, cal, instant);
      if (clock.state !== 'running') {
        const still = deadline === null && nextAlarm(clock, cal, THRESHOLDS) === null;
        check(still, `${clock.metric}: a ${clock.state} clock has a deadline or an alarm`, context);
      } else if (remaining > 0) {
        check(deadline! > instant, `${clock.metric}: deadline not ahead with ${remaining} ms left`, context);
        const untilDeadline = businessTimeBetween(calendarFor(clock.target, cal), instant, deadline!);
        check(untilDeadline === remaining, `${clock.metric}: deadline − now is ${untilDeadline}, not ${remaining}`, context);
      } else {
        check(deadline! <= instant, `${clock.metric}: overdue but the deadline ${deadline} is after now`, context);
      }
    };

    for (let step = 0; step < STEPS; step++) {
      const gap = rnd();
      const next = now + (gap < 0.25 ? 0 : int(gap < 0.6 ? 2 * 60 : 4 * 1440)) * MINUTE;
      for (const clock of Object.values(sla.clocks)) checkClock(clock, now + Math.floor((next - now) / 2));
      for (const clock of Object.values(sla.clocks)) checkClock(clock, next);
      // The oracle: the stretch [now, next) adds business time to running clocks and nothing to still ones.
      for (const clock of Object.values(sla.clocks)) {
        if (clock.state !== 'running') continue;
        oracle.get(clock.metric)!.elapsed += businessTimeBetween(calendarFor(clock.target, rules.calendar), now, next);
      }
      now = next;

      // The workflow handles every alarm due before the next event; now and then it is late, and the event comes first.
      const handleAlarms = rnd() < 0.8;
      const dueAlarm = (): SlaAlarm | null => {
        const alarm = nextTicketAlarm(sla, rules, THRESHOLDS, now);
        return handleAlarms && alarm && alarm.at <= now ? alarm : null;
      };
      for (let alarm = dueAlarm(); alarm; alarm = dueAlarm()) {
        const clock = sla.clocks[alarm.metric]!;
        check(clock.state === 'running', `an alarm from a ${clock.state} clock`, context);
        // A point reached in the current stretch falls due exactly when the accrual reaches it.
        const point = alarm.kind === 'breach' ? targetMs(clock.target) : thresholdMs(clock.target, alarm.threshold);
        if (point > clock.elapsedBeforeMs) {
          check(elapsedMs(clock, rules.calendar, alarm.at) === point, `${alarm.kind} at the wrong instant`, context);
        } else {
          seen.pastEarlierStretch++;
          check(alarm.at <= clock.since, `${alarm.kind} passed in an earlier stretch, due after this one began`, context);
        }
        log.push({ alarm, detectedAt: new Date(now).toISOString() });
        seen[alarm.kind === 'breach' ? 'breaches' : 'warnings']++;
        sla = recordTicketAlarm(sla, alarm, now);
      }
      const upcoming = nextTicketAlarm(sla, rules, THRESHOLDS, now);
      check(!handleAlarms || upcoming === null || upcoming.at > now, 'a due alarm was left unhandled', context);

      const event = randomEvent(sla, now, rnd);
      if (event === 'retarget') {
        rules = { ...randomRules(), calendar: rules.calendar };
        log.push({ retarget: rules.targets, at: new Date(now).toISOString() });
        seen.retargets++;
        sla = retargetTicketSla(sla, rules, now);
      } else {
        log.push({ ...event, at: new Date(event.at).toISOString() });
        const before = sla;
        sla = applySlaEvent(sla, event, rules);
        if (event.type === 'status_changed' && event.from === 'solved') seen.reopened++;
        if (sla.clocks.next_reply && sla.clocks.next_reply.startedAt !== before.clocks.next_reply?.startedAt) seen.nextReplies++;
      }
      seen.paused += Object.values(sla.clocks).filter((clock) => clock.state === 'paused').length;
      syncOracle();
      for (const clock of Object.values(sla.clocks)) checkClock(clock, now);
    }
  });

  it('went through every rule in those histories', () => {
    for (const [what, count] of Object.entries(seen)) expect({ what, count: Math.min(count, 5) }).toEqual({ what, count: 5 });
  });
});

function randomEvent(sla: TicketSla, at: number, rnd: () => number): SlaEvent | 'retarget' {
  const roll = rnd();
  const statuses = allowedTransitions(sla.status);
  if (roll < 0.15) return 'retarget';
  if (roll < 0.3) return { type: 'agent_replied', at, public: rnd() < 0.8 };
  if (roll < 0.5 || statuses.length === 0) return { type: 'customer_replied', at };
  return { type: 'status_changed', at, from: sla.status, to: statuses[Math.floor(rnd() * statuses.length)] };
}
