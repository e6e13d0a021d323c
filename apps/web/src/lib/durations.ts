import type { SlaClockState } from '../gql/schema-types';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people read it, to the minute: "45 min", "2 h 05 min", "3 d 4 h" (days of 24 hours; an SLA counted in
 * business time says so beside it). Under a minute is "under 1 min", so a clock about to run out never reads "0 min".
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.abs(Math.trunc(totalSeconds));
  if (seconds < MINUTE) return 'under 1 min';
  const days = Math.floor(seconds / DAY);
  const hours = Math.floor((seconds % DAY) / HOUR);
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min`;
}

export interface ClockReading {
  /** What the clock says: "1 h 20 min left", "overdue by 15 min", "met". */
  text: string;
  tone: 'ok' | 'warn' | 'danger' | 'neutral';
}

/** Within this share of its target a running clock is shown as a warning. */
const WARN_SHARE = 0.25;

/**
 * How an SLA clock reads on a screen, from the API's remaining seconds (business or calendar time, as the policy
 * counts) and state: a running clock counts down, a paused one says so, a stopped one says whether it was met.
 */
export function readClock(clock: { state: SlaClockState; remainingSeconds: number; targetMinutes: number; breached: boolean }): ClockReading {
  const { state, remainingSeconds, targetMinutes, breached } = clock;
  if (state === 'STOPPED') return breached ? { text: 'missed', tone: 'danger' } : { text: 'met', tone: 'ok' };
  if (remainingSeconds < 0 || breached) return { text: `overdue by ${formatDuration(remainingSeconds)}`, tone: 'danger' };
  const left = `${formatDuration(remainingSeconds)} left`;
  if (state === 'PAUSED') return { text: `paused · ${left}`, tone: 'neutral' };
  return { text: left, tone: remainingSeconds <= targetMinutes * MINUTE * WARN_SHARE ? 'warn' : 'ok' };
}

/**
 * A running clock's remaining seconds now, from the reading fetched at `fetchedAt`: the screen counts down between
 * refreshes. In business time the count is only right while the calendar is open, so screens refetch often (the
 * server's figure always wins) rather than guess the calendar here.
 */
export function remainingNow(remainingSeconds: number, state: SlaClockState, fetchedAt: number, now: number): number {
  if (state !== 'RUNNING') return remainingSeconds;
  return remainingSeconds - Math.floor((now - fetchedAt) / 1000);
}
