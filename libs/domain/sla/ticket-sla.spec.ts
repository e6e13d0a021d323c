import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar, type Weekday } from '../calendar/index.js';
import type { TicketStatus } from '../tickets/ticket-status.js';
import { deadlineOf, elapsedMs } from './metric-clock.js';
import type { SlaAlarm } from './sla-alarm.js';
import type { SlaMetric } from './sla-metric.js';
import { DEFAULT_PAUSE_WHILE, type SlaTarget } from './sla-policy.js';
import {
  applySlaEvent,
  closeRunningStretches,
  breachesOf,
  emptyTicketSla,
  nextTicketAlarm,
  recordTicketAlarm,
  retargetTicketSla,
  type SlaEvent,
  type SlaRules,
  type TicketSla,
} from './ticket-sla.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number | null | undefined): string | null =>
  instant === null || instant === undefined ? null : new Date(instant).toISOString();
const expectInstant = (actual: number | null | undefined, expected: string): void =>
  expect(iso(actual)).toBe(iso(at(expected)));

const office: BusinessCalendar = {
  timeZone: 'America/New_York',
  intervals: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [],
};
const business = (hours: number): SlaTarget => ({ minutes: hours * 60, businessHours: true });
const calendarTime = (hours: number): SlaTarget => ({ minutes: hours * 60, businessHours: false });

function rules(targets: SlaRules['targets'], calendar: BusinessCalendar = office): SlaRules {
  return { targets, pauseWhile: DEFAULT_PAUSE_WHILE, calendar };
}

const created = (instant: number): SlaEvent => ({ type: 'created', at: instant });
const agentReply = (instant: number, isPublic = true): SlaEvent => ({ type: 'agent_replied', at: instant, public: isPublic });
const customerReply = (instant: number): SlaEvent => ({ type: 'customer_replied', at: instant });
const status = (instant: number, from: TicketStatus, to: TicketStatus): SlaEvent => ({
  type: 'status_changed',
  at: instant,
  from,
  to,
});

const apply = (r: SlaRules, ...events: SlaEvent[]): TicketSla => events.reduce((sla, e) => applySlaEvent(sla, e, r), emptyTicketSla());
const states = (sla: TicketSla): Partial<Record<SlaMetric, string>> =>
  Object.fromEntries(Object.entries(sla.clocks).map(([metric, clock]) => [metric, clock.state]));
const deadline = (sla: TicketSla, metric: SlaMetric, r: SlaRules): number | null => deadlineOf(sla.clocks[metric]!, r.calendar);

/** Handles every alarm as it falls due, noting each as "kind percent local-instant". */
function drainAlarms(sla: TicketSla, r: SlaRules, thresholds: number[]): string[] {
  const fired: string[] = [];
  for (let alarm = nextTicketAlarm(sla, r, thresholds); alarm; alarm = nextTicketAlarm(sla, r, thresholds)) {
    fired.push(`${alarm.metric} ${alarm.kind === 'warning' ? `${alarm.threshold} %` : 'breach'} ${iso(alarm.at)}`);
    sla = recordTicketAlarm(sla, alarm, alarm.at);
  }
  return fired;
}

// Monday 2026-01-12 is an ordinary week in New York (EST, −05:00).
const MONDAY_9 = at('2026-01-12T09:00:00-05:00');

describe('the worked vector: 4 business hours from Friday 16:00, across the start of daylight time', () => {
  const r = rules({ resolution: business(4) });
  const sla = apply(r, created(at('2026-03-06T16:00:00-05:00')));

  it('is due Monday 12:00 local, with warnings at 11:00 and 11:36', () => {
    expectInstant(deadline(sla, 'resolution', r), '2026-03-09T12:00:00-04:00');
    expect(drainAlarms(sla, r, [75, 90])).toEqual([
      `resolution 75 % ${iso(at('2026-03-09T11:00:00-04:00'))}`,
      `resolution 90 % ${iso(at('2026-03-09T11:36:00-04:00'))}`,
      `resolution breach ${iso(at('2026-03-09T12:00:00-04:00'))}`,
    ]);
  });
});

describe('created', () => {
  it('starts first_reply and resolution, each only if targeted', () => {
    expect(states(apply(rules({ first_reply: business(1), resolution: business(8) }), created(MONDAY_9)))).toEqual({
      first_reply: 'running',
      resolution: 'running',
    });
    const withoutFirstReply = rules({ resolution: business(8), next_reply: business(2) });
    expect(states(apply(withoutFirstReply, created(MONDAY_9)))).toEqual({ resolution: 'running' });
  });

  it('keeps the first start when applied twice', () => {
    const r = rules({ resolution: business(8) });
    expect(apply(r, created(MONDAY_9), created(MONDAY_9 + HOUR)).clocks.resolution?.startedAt).toBe(MONDAY_9);
  });

  it('counts a calendar-time target around the clock: 1 h from Saturday 10:00 is Saturday 11:00', () => {
    const r = rules({ first_reply: calendarTime(1), resolution: business(1) });
    const sla = apply(r, created(at('2026-01-17T10:00:00-05:00')));
    expectInstant(deadline(sla, 'first_reply', r), '2026-01-17T11:00:00-05:00');
    expectInstant(deadline(sla, 'resolution', r), '2026-01-19T10:00:00-05:00');
  });
});

describe('replies', () => {
  const r = rules({ first_reply: business(1), next_reply: business(2), resolution: business(8) });

  it('stops first_reply on the first public agent reply, not on an internal note', () => {
    const noted = apply(r, created(MONDAY_9), agentReply(MONDAY_9 + 10 * MINUTE, false));
    expect(noted).toMatchObject({ agentHasReplied: false });
    expect(states(noted)).toEqual({ first_reply: 'running', resolution: 'running' });
    const replied = applySlaEvent(noted, agentReply(MONDAY_9 + 20 * MINUTE), r);
    expect(replied.agentHasReplied).toBe(true);
    expect(replied.clocks.first_reply).toMatchObject({ state: 'stopped', elapsedBeforeMs: 20 * MINUTE });
    expect(nextTicketAlarm(replied, r, [])).toEqual({ kind: 'breach', metric: 'resolution', at: MONDAY_9 + 8 * HOUR });
  });

  it('starts next_reply only once an agent has replied, from the first unanswered customer message', () => {
    const early = apply(r, created(MONDAY_9), customerReply(MONDAY_9 + 5 * MINUTE));
    expect(early.clocks.next_reply).toBeUndefined();
    let sla = apply(r, created(MONDAY_9), agentReply(MONDAY_9 + 10 * MINUTE), customerReply(MONDAY_9 + HOUR));
    expect(sla.clocks.next_reply).toMatchObject({ state: 'running', startedAt: MONDAY_9 + HOUR });
    sla = applySlaEvent(sla, customerReply(MONDAY_9 + 2 * HOUR), r);
    expect(sla.clocks.next_reply?.startedAt).toBe(MONDAY_9 + HOUR);
    expectInstant(deadline(sla, 'next_reply', r), '2026-01-12T12:00:00-05:00');
    sla = applySlaEvent(sla, agentReply(MONDAY_9 + 3 * HOUR), r);
    expect(sla.clocks.next_reply?.state).toBe('stopped');
    sla = applySlaEvent(sla, customerReply(MONDAY_9 + 4 * HOUR), r);
    expect(sla.clocks.next_reply).toMatchObject({ state: 'running', startedAt: MONDAY_9 + 4 * HOUR, elapsedBeforeMs: 0 });
  });

  it('starts no next_reply without a target, or while the ticket is solved', () => {
    const untargeted = rules({ resolution: business(8) });
    const conversation = [created(MONDAY_9), agentReply(MONDAY_9), customerReply(MONDAY_9 + HOUR)];
    expect(apply(untargeted, ...conversation).clocks.next_reply).toBeUndefined();
    const solved = apply(
      r,
      created(MONDAY_9),
      agentReply(MONDAY_9),
      status(MONDAY_9 + HOUR, 'new', 'solved'),
      customerReply(MONDAY_9 + 2 * HOUR),
    );
    expect(solved.clocks.next_reply).toBeUndefined();
  });

  it('drops the breach of a replaced next_reply clock from breachesOf', () => {
    let sla = apply(r, created(MONDAY_9), agentReply(MONDAY_9), customerReply(MONDAY_9));
    const breach: SlaAlarm = { kind: 'breach', metric: 'next_reply', at: MONDAY_9 + 2 * HOUR };
    sla = recordTicketAlarm(sla, breach, MONDAY_9 + 2 * HOUR);
    expect(breachesOf(sla)).toEqual([
      { metric: 'next_reply', deadline: MONDAY_9 + 2 * HOUR, detectedAt: MONDAY_9 + 2 * HOUR, overdueMs: 0 },
    ]);
    sla = apply(r, created(MONDAY_9), agentReply(MONDAY_9), customerReply(MONDAY_9));
    sla = recordTicketAlarm(sla, breach, MONDAY_9 + 2 * HOUR);
    sla = applySlaEvent(applySlaEvent(sla, agentReply(MONDAY_9 + 3 * HOUR), r), customerReply(MONDAY_9 + 4 * HOUR), r);
    expect(breachesOf(sla)).toEqual([]);
  });
});

describe('status changes', () => {
  const r = rules({ first_reply: business(1), resolution: business(4) });

  it('pauses resolution while pending: 2 business hours pending push its deadline by 2 business hours', () => {
    let sla = apply(r, created(MONDAY_9), status(MONDAY_9, 'new', 'open'));
    expectInstant(deadline(sla, 'resolution', r), '2026-01-12T13:00:00-05:00');
    sla = applySlaEvent(sla, status(MONDAY_9 + HOUR, 'open', 'pending'), r);
    expect(states(sla)).toEqual({ first_reply: 'running', resolution: 'paused' });
    expect(nextTicketAlarm(sla, r, [])).toEqual({ kind: 'breach', metric: 'first_reply', at: MONDAY_9 + HOUR });
    sla = applySlaEvent(sla, status(MONDAY_9 + 3 * HOUR, 'pending', 'open'), r);
    expectInstant(deadline(sla, 'resolution', r), '2026-01-12T15:00:00-05:00');
  });

  it('keeps a clock paused from pending to on_hold, and counts only business time while paused', () => {
    let sla = apply(r, created(at('2026-01-16T16:00:00-05:00')), status(at('2026-01-16T16:30:00-05:00'), 'new', 'pending'));
    sla = applySlaEvent(sla, status(at('2026-01-17T10:00:00-05:00'), 'pending', 'on_hold'), r);
    expect(sla.clocks.resolution?.state).toBe('paused');
    sla = applySlaEvent(sla, status(at('2026-01-19T11:00:00-05:00'), 'on_hold', 'open'), r);
    expectInstant(deadline(sla, 'resolution', r), '2026-01-19T14:30:00-05:00');
  });

  it('raises no alarm from paused or stopped clocks', () => {
    const onlyResolution = rules({ resolution: business(4) });
    const pending = apply(onlyResolution, created(MONDAY_9), status(MONDAY_9 + HOUR, 'new', 'pending'));
    expect(nextTicketAlarm(pending, onlyResolution, [75, 90])).toBeNull();
    const solved = applySlaEvent(pending, status(MONDAY_9 + 2 * HOUR, 'pending', 'solved'), onlyResolution);
    expect(nextTicketAlarm(solved, onlyResolution, [75])).toBeNull();
  });

  it('stops every clock when solved, and a reopen resumes resolution from what it had accrued', () => {
    let sla = apply(r, created(MONDAY_9), status(MONDAY_9 + 3 * HOUR, 'new', 'solved'));
    expect(states(sla)).toEqual({ first_reply: 'stopped', resolution: 'stopped' });
    sla = applySlaEvent(sla, status(MONDAY_9 + 24 * HOUR, 'solved', 'open'), r);
    expect(states(sla)).toEqual({ first_reply: 'stopped', resolution: 'running' });
    expect(elapsedMs(sla.clocks.resolution!, office, MONDAY_9 + 24 * HOUR + 30 * MINUTE)).toBe(3.5 * HOUR);
    expectInstant(deadline(sla, 'resolution', r), '2026-01-13T10:00:00-05:00');
  });

  it('reopens straight into pending with resolution paused', () => {
    let sla = apply(r, created(MONDAY_9), status(MONDAY_9 + HOUR, 'new', 'solved'), status(MONDAY_9 + 2 * HOUR, 'solved', 'pending'));
    expect(sla.clocks.resolution).toMatchObject({ state: 'paused', elapsedBeforeMs: HOUR });
    sla = applySlaEvent(sla, status(MONDAY_9 + 4 * HOUR, 'pending', 'open'), r);
    expectInstant(deadline(sla, 'resolution', r), '2026-01-12T16:00:00-05:00');
  });

  it('stops every clock when closed', () => {
    const sla = apply(r, created(MONDAY_9), status(MONDAY_9 + HOUR, 'new', 'solved'), status(MONDAY_9 + 2 * HOUR, 'solved', 'closed'));
    expect(states(sla)).toEqual({ first_reply: 'stopped', resolution: 'stopped' });
    expect(sla.status).toBe('closed');
  });

  it('pauses any metric its rules say, not only resolution', () => {
    const pausing: SlaRules = { ...rules({ first_reply: business(1) }), pauseWhile: { first_reply: ['on_hold'] } };
    const sla = apply(pausing, created(MONDAY_9), status(MONDAY_9, 'new', 'on_hold'));
    expect(states(sla)).toEqual({ first_reply: 'paused' });
  });
});

describe('retargetTicketSla', () => {
  it('keeps time passed under the old calendar when a business-hours clock moves to a 24x7 policy', () => {
    const office8 = rules({ resolution: business(8) });
    const aroundTheClock = rules({ resolution: calendarTime(8) }, office);
    const fridayAt16 = at('2026-01-16T16:00:00-05:00');
    const mondayAt9 = at('2026-01-19T09:00:00-05:00');
    let sla = apply(office8, created(fridayAt16), status(fridayAt16, 'new', 'open'));
    // The weekend was not working time: only Friday's last business hour has passed.
    sla = retargetTicketSla(closeRunningStretches(sla, office8.calendar, mondayAt9), aroundTheClock, mondayAt9);
    expect(sla.clocks.resolution?.elapsedBeforeMs).toBe(HOUR);
    expect(deadline(sla, 'resolution', aroundTheClock)).toBe(mondayAt9 + 7 * HOUR);
  });

  it('re-targets to 30 minutes from now after 30 business minutes, when the priority goes from normal (8 h) to urgent (1 h)', () => {
    const normal = rules({ resolution: business(8) });
    const urgent = rules({ resolution: business(1) });
    let sla = apply(normal, created(MONDAY_9), status(MONDAY_9, 'new', 'open'));
    const now = MONDAY_9 + 30 * MINUTE;
    sla = retargetTicketSla(sla, urgent, now);
    expect(deadline(sla, 'resolution', urgent)).toBe(now + 30 * MINUTE);
  });

  it('makes an already-overdue clock raise its breach at once, dated when it crossed the new target', () => {
    const normal = rules({ resolution: business(8) });
    const urgent = rules({ resolution: business(1) });
    const now = MONDAY_9 + 3 * HOUR;
    let sla = retargetTicketSla(apply(normal, created(MONDAY_9)), urgent, now);
    const alarm = nextTicketAlarm(sla, urgent, [75, 90], now);
    expect(alarm).toEqual({ kind: 'breach', metric: 'resolution', at: MONDAY_9 + HOUR });
    sla = recordTicketAlarm(sla, alarm!, now);
    expect(breachesOf(sla)).toEqual([{ metric: 'resolution', deadline: MONDAY_9 + HOUR, detectedAt: now, overdueMs: 2 * HOUR }]);
    expect(nextTicketAlarm(sla, urgent, [75, 90], now)).toBeNull();
  });

  it('removes a clock whose metric lost its target and starts a newly targeted one that would be running', () => {
    const before = rules({ first_reply: business(1) });
    const after = rules({ resolution: business(4) });
    const sla = retargetTicketSla(apply(before, created(MONDAY_9), status(MONDAY_9, 'new', 'open')), after, MONDAY_9 + HOUR);
    expect(Object.keys(sla.clocks)).toEqual(['resolution']);
    expect(sla.clocks.resolution).toMatchObject({ state: 'running', startedAt: MONDAY_9 + HOUR });
  });

  it('starts first_reply only while no agent has replied, next_reply never, and nothing on a solved ticket', () => {
    const before = rules({ resolution: business(4) });
    const after = rules({ first_reply: business(1), next_reply: business(1), resolution: business(4) });
    const replied = apply(before, created(MONDAY_9), agentReply(MONDAY_9 + HOUR));
    expect(Object.keys(retargetTicketSla(replied, after, MONDAY_9 + 2 * HOUR).clocks)).toEqual(['resolution']);
    const waiting = apply(before, created(MONDAY_9));
    expect(states(retargetTicketSla(waiting, after, MONDAY_9 + 2 * HOUR))).toEqual({ first_reply: 'running', resolution: 'running' });
    const solved = apply(rules({}), created(MONDAY_9), status(MONDAY_9 + HOUR, 'new', 'solved'));
    expect(retargetTicketSla(solved, after, MONDAY_9 + 2 * HOUR).clocks).toEqual({});
  });

  it('starts a new clock paused when the ticket is in a paused status', () => {
    const sla = apply(rules({}), created(MONDAY_9), status(MONDAY_9, 'new', 'pending'));
    expect(retargetTicketSla(sla, rules({ resolution: business(4) }), MONDAY_9 + HOUR).clocks.resolution?.state).toBe('paused');
  });
});

describe('alarms across clocks', () => {
  const r = rules({ first_reply: calendarTime(1), resolution: business(4) }, office);

  it('returns the earliest alarm of any clock', () => {
    const sla = apply(r, created(at('2026-01-17T10:00:00-05:00'))); // Saturday: first_reply counts, resolution waits for Monday
    expect(drainAlarms(sla, r, [50])).toEqual([
      `first_reply 50 % ${iso(at('2026-01-17T10:30:00-05:00'))}`,
      `first_reply breach ${iso(at('2026-01-17T11:00:00-05:00'))}`,
      `resolution 50 % ${iso(at('2026-01-19T11:00:00-05:00'))}`,
      `resolution breach ${iso(at('2026-01-19T13:00:00-05:00'))}`,
    ]);
  });

  /** What the ticket workflow's handleDueWork does on waking at `now`, having last handled alarms at `handledAt`. */
  function alarmsOnWaking(sla: TicketSla, thresholds: number[], handledAt: number, now: number): string[] {
    const fired: string[] = [];
    for (let alarm = nextTicketAlarm(sla, r, thresholds, handledAt); alarm && alarm.at <= now; alarm = nextTicketAlarm(sla, r, thresholds, handledAt)) {
      fired.push(`${alarm.metric} ${alarm.kind === 'warning' ? `${alarm.threshold} %` : 'breach'}`);
      sla = recordTicketAlarm(sla, alarm, now);
    }
    return fired;
  }

  it('raises every alarm that fell due since the workflow last looked, in order, when it wakes late (no worker ran)', () => {
    const sla = apply(r, created(MONDAY_9));
    // Last looked at 09:00; woken at 10:05, past the 50 % and 90 % warnings (09:30, 09:54) and the breach (10:00).
    expect(alarmsOnWaking(sla, [50, 90], MONDAY_9, MONDAY_9 + 65 * MINUTE)).toEqual([
      'first_reply 50 %',
      'first_reply 90 %',
      'first_reply breach',
    ]);
  });

  it('raises only the highest of the alarms already passed when it last looked (the clock jumped past them)', () => {
    const sla = apply(r, created(MONDAY_9));
    // An imported ticket, or a lowered target: at 10:05 the points were already behind the clock when it looked.
    expect(alarmsOnWaking(sla, [50, 90], MONDAY_9 + 65 * MINUTE, MONDAY_9 + 65 * MINUTE)).toEqual(['first_reply breach']);
  });

  it('ignores an alarm for a metric that no longer has a clock', () => {
    const sla = apply(r, created(MONDAY_9));
    expect(recordTicketAlarm(sla, { kind: 'breach', metric: 'next_reply', at: MONDAY_9 }, MONDAY_9)).toBe(sla);
  });

  it('lists breaches in metric order', () => {
    let sla = apply(rules({ first_reply: business(1), resolution: business(1) }, ALWAYS_OPEN_CALENDAR), created(MONDAY_9));
    sla = recordTicketAlarm(sla, { kind: 'breach', metric: 'resolution', at: MONDAY_9 + HOUR }, MONDAY_9 + HOUR);
    sla = recordTicketAlarm(sla, { kind: 'breach', metric: 'first_reply', at: MONDAY_9 + HOUR }, MONDAY_9 + 2 * HOUR);
    expect(breachesOf(sla).map((b) => b.metric)).toEqual(['first_reply', 'resolution']);
  });
});
