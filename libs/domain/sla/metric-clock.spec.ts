import type { BusinessCalendar, Weekday } from '../calendar/index.js';
import {
  deadlineOf,
  elapsedMs,
  nextAlarm,
  pauseClock,
  recordAlarm,
  remainingMs,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  type MetricClock,
} from './metric-clock.js';
import type { SlaAlarm } from './sla-alarm.js';
import type { SlaMetric } from './sla-metric.js';
import type { SlaTarget } from './sla-policy.js';

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
const warning = (metric: SlaMetric, threshold: number, instant: number): SlaAlarm => ({
  kind: 'warning',
  metric,
  threshold,
  at: instant,
});
const breach = (metric: SlaMetric, instant: number): SlaAlarm => ({ kind: 'breach', metric, at: instant });

// Monday 2026-01-12 is an ordinary week in New York (EST, −05:00).
const MONDAY_9 = at('2026-01-12T09:00:00-05:00');

describe('accrual', () => {
  it('starts running with nothing accrued', () => {
    expect(startClock('resolution', business(4), MONDAY_9)).toEqual({
      metric: 'resolution',
      target: business(4),
      state: 'running',
      startedAt: MONDAY_9,
      elapsedBeforeMs: 0,
      since: MONDAY_9,
      firedWarnings: [],
      breach: null,
      targetReachedAt: null,
    });
  });

  it('counts business time only while running', () => {
    let clock = startClock('resolution', business(8), at('2026-01-16T16:00:00-05:00')); // Friday
    expect(elapsedMs(clock, office, at('2026-01-19T10:00:00-05:00'))).toBe(2 * HOUR);
    clock = pauseClock(clock, office, at('2026-01-19T10:00:00-05:00'));
    expect(elapsedMs(clock, office, at('2026-01-21T10:00:00-05:00'))).toBe(2 * HOUR);
    clock = resumeClock(clock, at('2026-01-21T10:00:00-05:00'));
    expect(elapsedMs(clock, office, at('2026-01-21T10:30:00-05:00'))).toBe(2.5 * HOUR);
    expect(remainingMs(clock, office, at('2026-01-21T10:30:00-05:00'))).toBe(5.5 * HOUR);
  });

  it('keeps what a stopped clock accrued, and a resume continues from it', () => {
    let clock = startClock('resolution', business(4), MONDAY_9);
    clock = stopClock(clock, office, MONDAY_9 + 3 * HOUR);
    expect(clock.state).toBe('stopped');
    expect(elapsedMs(clock, office, MONDAY_9 + 48 * HOUR)).toBe(3 * HOUR);
    clock = resumeClock(clock, MONDAY_9 + 48 * HOUR); // Wednesday 09:00
    expect(elapsedMs(clock, office, MONDAY_9 + 48 * HOUR + 30 * MINUTE)).toBe(3.5 * HOUR);
    expectInstant(deadlineOf(clock, office), '2026-01-14T10:00:00-05:00');
  });

  it('stops a paused clock where it stood', () => {
    let clock = pauseClock(startClock('resolution', business(4), MONDAY_9), office, MONDAY_9 + HOUR);
    clock = stopClock(clock, office, MONDAY_9 + 5 * HOUR);
    expect(clock).toMatchObject({ state: 'stopped', elapsedBeforeMs: HOUR, since: MONDAY_9 + 5 * HOUR });
  });

  it('leaves a clock already in the asked state as it is', () => {
    const running = startClock('resolution', business(4), MONDAY_9);
    expect(resumeClock(running, MONDAY_9 + HOUR)).toEqual(running);
    const paused = pauseClock(running, office, MONDAY_9 + HOUR);
    expect(pauseClock(paused, office, MONDAY_9 + 2 * HOUR)).toEqual(paused);
    const stopped = stopClock(running, office, MONDAY_9 + HOUR);
    expect(stopClock(stopped, office, MONDAY_9 + 2 * HOUR)).toEqual(stopped);
    expect(pauseClock(stopped, office, MONDAY_9 + 2 * HOUR)).toEqual(stopped);
  });

  it('never mutates the clock it is given', () => {
    const freeze = (clock: MetricClock): MetricClock =>
      Object.freeze({ ...clock, firedWarnings: Object.freeze([...clock.firedWarnings]) as number[] });
    let clock = freeze(startClock('resolution', business(4), MONDAY_9));
    clock = freeze(recordAlarm(clock, warning('resolution', 75, MONDAY_9 + 3 * HOUR), MONDAY_9 + 3 * HOUR));
    clock = freeze(pauseClock(clock, office, MONDAY_9 + HOUR));
    clock = freeze(resumeClock(clock, MONDAY_9 + 2 * HOUR));
    clock = freeze(retargetClock(clock, business(1)));
    clock = freeze(stopClock(clock, office, MONDAY_9 + 3 * HOUR));
    expect(clock.state).toBe('stopped');
  });
});

describe('deadlines and alarms on Mon–Fri 09:00–17:00 in America/New_York', () => {
  const friday16 = at('2026-03-06T16:00:00-05:00');

  it('carries a 4-business-hour target from Friday 16:00 over the DST weekend to Monday 12:00 local', () => {
    const clock = startClock('resolution', business(4), friday16);
    expectInstant(deadlineOf(clock, office), '2026-03-09T12:00:00-04:00');
    expect(remainingMs(clock, office, friday16)).toBe(4 * HOUR);
  });

  it('warns at 75 % and 90 % (Monday 11:00 and 11:36), then breaches at 12:00', () => {
    let clock = startClock('resolution', business(4), friday16);
    const fired: string[] = [];
    for (let alarm = nextAlarm(clock, office, [75, 90]); alarm; alarm = nextAlarm(clock, office, [75, 90])) {
      fired.push(`${alarm.kind} ${alarm.kind === 'warning' ? alarm.threshold : 100} ${iso(alarm.at)}`);
      clock = recordAlarm(clock, alarm, alarm.at + 5_000);
    }
    expect(fired).toEqual([
      `warning 75 ${iso(at('2026-03-09T11:00:00-04:00'))}`,
      `warning 90 ${iso(at('2026-03-09T11:36:00-04:00'))}`,
      `breach 100 ${iso(at('2026-03-09T12:00:00-04:00'))}`,
    ]);
    expect(clock.firedWarnings).toEqual([75, 90]);
    expect(clock.breach).toEqual({
      metric: 'resolution',
      deadline: at('2026-03-09T12:00:00-04:00'),
      detectedAt: at('2026-03-09T12:00:05-04:00'),
      overdueMs: 5_000,
    });
  });

  it('pushes the deadline by the business time spent paused', () => {
    let clock = startClock('resolution', business(4), MONDAY_9);
    clock = pauseClock(clock, office, MONDAY_9 + HOUR);
    expect(deadlineOf(clock, office)).toBeNull();
    expect(nextAlarm(clock, office, [75])).toBeNull();
    clock = resumeClock(clock, MONDAY_9 + 3 * HOUR);
    expectInstant(deadlineOf(clock, office), '2026-01-12T15:00:00-05:00');
  });

  it('counts a calendar-time target around the clock, whatever the calendar', () => {
    const saturday = at('2026-01-17T10:00:00-05:00');
    const clock = startClock('first_reply', calendarTime(1), saturday);
    expectInstant(deadlineOf(clock, office), '2026-01-17T11:00:00-05:00');
    expect(elapsedMs(clock, office, saturday + 30 * MINUTE)).toBe(30 * MINUTE);
    expectInstant(deadlineOf(startClock('first_reply', business(1), saturday), office), '2026-01-19T10:00:00-05:00');
  });

  it('records each warning once and the first breach only', () => {
    const clock = startClock('first_reply', business(1), MONDAY_9);
    const half = warning('first_reply', 50, MONDAY_9);
    expect(recordAlarm(recordAlarm(clock, half, MONDAY_9), half, MONDAY_9).firedWarnings).toEqual([50]);
    const breached = recordAlarm(clock, breach('first_reply', MONDAY_9 + HOUR), MONDAY_9 + 2 * HOUR);
    const again = recordAlarm(breached, breach('first_reply', MONDAY_9 + 3 * HOUR), MONDAY_9 + 4 * HOUR);
    expect(again.breach).toEqual(breached.breach);
    // Handled before it was due: overdue is never negative.
    expect(recordAlarm(clock, breach('first_reply', MONDAY_9 + HOUR), MONDAY_9).breach?.overdueMs).toBe(0);
  });

  it('refuses an alarm for another metric', () => {
    const clock = startClock('first_reply', business(1), MONDAY_9);
    expect(() => recordAlarm(clock, breach('resolution', MONDAY_9), MONDAY_9)).toThrow(
      'A resolution alarm cannot be recorded on the first_reply clock.',
    );
  });

  it('ignores duplicate and out-of-range thresholds', () => {
    const clock = startClock('first_reply', business(1), MONDAY_9);
    expect(nextAlarm(clock, office, [0, 100, 150, 50, 50])).toEqual(warning('first_reply', 50, MONDAY_9 + 30 * MINUTE));
    expect(nextAlarm(clock, office, [])).toEqual(breach('first_reply', MONDAY_9 + HOUR));
  });
});

describe('overdue clocks', () => {
  it('reports a negative remaining time once past the target', () => {
    const clock = startClock('resolution', business(1), MONDAY_9);
    expect(remainingMs(clock, office, MONDAY_9 + 90 * MINUTE)).toBe(-30 * MINUTE);
  });

  it('re-targets to 30 minutes from now after 30 business minutes of 8 h when the priority goes to urgent (1 h)', () => {
    const now = at('2026-01-16T16:50:00-05:00'); // Friday: 16:20 + 30 business minutes
    let clock = startClock('resolution', business(8), at('2026-01-16T16:20:00-05:00'));
    clock = retargetClock(clock, business(1));
    expect(remainingMs(clock, office, now)).toBe(30 * MINUTE);
    expectInstant(deadlineOf(clock, office), '2026-01-19T09:20:00-05:00'); // 30 business minutes after now
  });

  it('breaches at once, at the instant it crossed, when re-targeted below the time accrued in this stretch', () => {
    const now = MONDAY_9 + 2 * HOUR;
    let clock = startClock('resolution', business(8), MONDAY_9);
    clock = retargetClock(clock, business(1));
    const alarm = nextAlarm(clock, office, [75, 90], now);
    expect(alarm).toEqual(breach('resolution', MONDAY_9 + HOUR));
    clock = recordAlarm(clock, alarm!, MONDAY_9 + 2 * HOUR);
    expect(clock.breach?.overdueMs).toBe(HOUR);
    expect(nextAlarm(clock, office, [75, 90])).toBeNull();
  });

  it('remembers the exact crossing when paused past the target, for the deadline after resuming', () => {
    let clock = startClock('resolution', business(1), MONDAY_9);
    clock = pauseClock(clock, office, MONDAY_9 + 2 * HOUR); // the breach alarm was not handled in time
    expect(clock.targetReachedAt).toBe(MONDAY_9 + HOUR);
    clock = resumeClock(clock, MONDAY_9 + 5 * HOUR);
    expect(deadlineOf(clock, office)).toBe(MONDAY_9 + HOUR);
    expect(nextAlarm(clock, office, [75, 90])).toEqual(breach('resolution', MONDAY_9 + HOUR));
  });

  it('dates a crossing in an earlier stretch, under a lowered target, no earlier than it knows: when it paused', () => {
    let clock = startClock('resolution', business(8), MONDAY_9);
    clock = pauseClock(clock, office, MONDAY_9 + 3 * HOUR);
    clock = retargetClock(clock, business(1));
    expect(clock.targetReachedAt).toBe(MONDAY_9 + 3 * HOUR);
    clock = resumeClock(clock, MONDAY_9 + 5 * HOUR);
    expect(nextAlarm(clock, office, [75])).toEqual(breach('resolution', MONDAY_9 + 3 * HOUR));
    // Raising it back above the accrual forgets the crossing and counts from the current stretch again.
    clock = retargetClock(clock, business(4));
    expect(clock.targetReachedAt).toBeNull();
    expect(deadlineOf(clock, office)).toBe(MONDAY_9 + 6 * HOUR);
  });

  it('without `now`, lists every point passed in this stretch, earliest first', () => {
    const clock = retargetClock(startClock('resolution', business(8), MONDAY_9), business(1));
    expect(nextAlarm(clock, office, [75, 90])).toEqual(warning('resolution', 75, MONDAY_9 + 45 * MINUTE));
  });

  it('given `now`, raises only the highest of the warnings already due, then the next one when it falls due', () => {
    // A timer that fired late: at 09:58, both warnings of a 1-hour target are due, the breach is not.
    const clock = startClock('resolution', business(1), MONDAY_9);
    const late = MONDAY_9 + 58 * MINUTE;
    const alarm = nextAlarm(clock, office, [50, 75, 90], late);
    expect(alarm).toEqual(warning('resolution', 90, MONDAY_9 + 54 * MINUTE));
    const recorded = recordAlarm(clock, alarm!, late);
    expect(nextAlarm(recorded, office, [50, 75, 90], late)).toEqual(breach('resolution', MONDAY_9 + HOUR));
    expect(nextAlarm(recorded, office, [50, 75, 90], late + HOUR)).toEqual(breach('resolution', MONDAY_9 + HOUR));
    // Before anything is due, `now` changes nothing.
    expect(nextAlarm(clock, office, [50, 75, 90], MONDAY_9)).toEqual(nextAlarm(clock, office, [50, 75, 90]));
  });

  it('sends only the highest of several warnings passed before the current stretch', () => {
    let clock = startClock('resolution', business(8), MONDAY_9);
    clock = pauseClock(clock, office, MONDAY_9 + 3 * HOUR);
    clock = retargetClock(clock, business(4)); // 3 h of 4 h: 50 % and 75 % are passed, 90 % is not
    clock = resumeClock(clock, MONDAY_9 + 5 * HOUR);
    const alarm = nextAlarm(clock, office, [50, 75, 90]);
    expect(alarm).toEqual(warning('resolution', 75, MONDAY_9 + 5 * HOUR));
    clock = recordAlarm(clock, alarm!, MONDAY_9 + 5 * HOUR);
    expect(nextAlarm(clock, office, [50, 75, 90])).toEqual(warning('resolution', 90, MONDAY_9 + 5 * HOUR + 36 * MINUTE));
  });

  it('keeps recorded warnings on a retarget and schedules the others against the new target', () => {
    let clock = startClock('resolution', business(1), MONDAY_9);
    clock = recordAlarm(clock, warning('resolution', 90, MONDAY_9 + 54 * MINUTE), MONDAY_9 + 54 * MINUTE);
    clock = retargetClock(clock, business(4));
    expect(clock.firedWarnings).toEqual([90]);
    expect(nextAlarm(clock, office, [75, 90])).toEqual(warning('resolution', 75, MONDAY_9 + 3 * HOUR));
  });

  it('raises nothing once stopped, even when overdue', () => {
    const clock = stopClock(startClock('resolution', business(1), MONDAY_9), office, MONDAY_9 + 2 * HOUR);
    expect(nextAlarm(clock, office, [75])).toBeNull();
    expect(deadlineOf(clock, office)).toBeNull();
  });
});
