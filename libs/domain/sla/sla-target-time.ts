import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar } from '../calendar/index.js';
import type { SlaTarget } from './sla-policy.js';

const MINUTE = 60_000;

/** The calendar a target counts on: the policy's for business-hours targets, 24x7 for calendar-time ones. */
export function calendarFor(target: SlaTarget, cal: BusinessCalendar): BusinessCalendar {
  return target.businessHours ? cal : ALWAYS_OPEN_CALENDAR;
}

export function targetMs(target: SlaTarget): number {
  return target.minutes * MINUTE;
}

/** The share of a target at which a warning falls due, rounded up to whole ms so a warning is never early. */
export function thresholdMs(target: SlaTarget, percent: number): number {
  return Math.ceil((targetMs(target) * percent) / 100);
}
