import type { BusinessCalendar, HolidayRule } from './business-calendar.js';
import { isValidTimeZone } from './zoned-time.js';

export const MINUTES_PER_DAY = 1440;
const HOLIDAY_RULES: readonly HolidayRule[] = ['whole-shifts', 'calendar-date'];

/** Minutes since local midnight for 'HH:MM' (00:00–23:59, and 24:00 when `allowMidnightEnd`), or null when malformed. */
export function parseClockTime(value: unknown, allowMidnightEnd: boolean): number | null {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
  if (!match) return null;
  if (Number(match[2]) > 59) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < MINUTES_PER_DAY || (allowMidnightEnd && minutes === MINUTES_PER_DAY) ? minutes : null;
}

export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return false;
  // Date.UTC rolls 02-30 over into March, so a real date is one that survives the round trip.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Everything wrong with the calendar, as sentences for the person who configured it; empty when it is usable. */
export function validateCalendar(cal: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(cal.timeZone)) problems.push(`Unknown time zone "${cal.timeZone}".`);
  let workingIntervals = 0;
  cal.intervals.forEach(({ day, start, end }, index) => {
    const label = `Working interval ${index + 1}`;
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      problems.push(`${label}: day must be 0 (Sunday) to 6 (Saturday), got ${JSON.stringify(day)}.`);
    }
    const startMinute = parseClockTime(start, false);
    const endMinute = parseClockTime(end, true);
    if (startMinute === null) problems.push(`${label}: start "${start}" is not a time in HH:MM form (00:00–23:59).`);
    if (endMinute === null) problems.push(`${label}: end "${end}" is not a time in HH:MM form (00:00–24:00).`);
    if (startMinute === null || endMinute === null) return;
    if (startMinute === endMinute) problems.push(`${label}: it starts and ends at ${start}, so it has no working time.`);
    else workingIntervals++;
  });
  if (workingIntervals === 0) {
    problems.push('The calendar has no working time: it needs at least one working interval of positive length.');
  }
  cal.holidays.forEach(({ date }, index) => {
    if (!isCalendarDate(date)) problems.push(`Holiday ${index + 1}: "${date}" is not a date in YYYY-MM-DD form.`);
  });
  if (cal.holidayRule !== undefined && !HOLIDAY_RULES.includes(cal.holidayRule)) {
    problems.push(`Holiday rule ${JSON.stringify(cal.holidayRule)} is not one of ${HOLIDAY_RULES.join(', ')}.`);
  }
  return problems;
}
