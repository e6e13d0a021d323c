import type { BusinessCalendar } from './business-calendar.js';
import { compileCalendar } from './compiled-calendar.js';
import { walkWorkingTime } from './working-time-walk.js';

/**
 * SLA clock arithmetic on a business calendar. Instants are epoch milliseconds. Every function throws when the calendar
 * fails validateCalendar, or when an instant or duration is not a finite number. All are pure: they run inside
 * workflow code, and their caches (compiled calendars, zone offsets) never change an answer.
 */

export function isWorkingTime(cal: BusinessCalendar, at: number): boolean {
  requireInstant('at', at);
  return walkWorkingTime(compileCalendar(cal), at, at + 1, Infinity).countedMs > 0;
}

/** `at` itself when it is working time, otherwise the start of the next working time. */
export function nextWorkingInstant(cal: BusinessCalendar, at: number): number {
  requireInstant('at', at);
  return walkWorkingTime(compileCalendar(cal), at, Infinity, 0).at;
}

/**
 * The instant at which `durationMs` of working time has elapsed, counting from `from` (or from the next working instant
 * when `from` is outside working time). A target that uses up a working span exactly lands on that span's end (17:00,
 * not the next morning). A zero duration returns `from` unchanged, even outside working time.
 */
export function addBusinessTime(cal: BusinessCalendar, from: number, durationMs: number): number {
  requireInstant('from', from);
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs must be a finite, non-negative number of milliseconds, got ${durationMs}.`);
  }
  const cc = compileCalendar(cal);
  if (durationMs === 0) return from;
  return walkWorkingTime(cc, from, Infinity, durationMs).at;
}

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
export function businessTimeBetween(cal: BusinessCalendar, from: number, to: number): number {
  requireInstant('from', from);
  requireInstant('to', to);
  const cc = compileCalendar(cal);
  if (to <= from) return 0;
  return walkWorkingTime(cc, from, to, Infinity).countedMs;
}

function requireInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-millisecond instant, got ${value}.`);
}
