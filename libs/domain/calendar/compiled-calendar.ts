import type { BusinessCalendar } from './business-calendar.js';
import { MINUTES_PER_DAY, parseClockTime, validateCalendar } from './calendar-validation.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** [from, to) minutes since local midnight. */
export type MinuteRange = [from: number, to: number];

/** A validated calendar in the form the span arithmetic needs. */
export interface CompiledCalendar {
  timeZone: string;
  /** Merged working minutes of an ordinary (non-holiday) local date, by weekday, overnight spill-over included. */
  weekdays: MinuteRange[][];
  holidays: Set<string>; // 'YYYY-MM-DD'
  recurringHolidays: Set<string>; // 'MM-DD'
}

/** Throws when validateCalendar finds anything wrong: time cannot be counted on a calendar that cannot be read. */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const problems = validateCalendar(cal);
  if (problems.length > 0) throw new Error(`Invalid business calendar: ${problems.join(' ')}`);
  const ranges: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const { day, start, end } of cal.intervals) {
    const from = parseClockTime(start, false) as number;
    const to = parseClockTime(end, true) as number;
    if (to > from) {
      ranges[day].push([from, to]);
      continue;
    }
    // Overnight: the part after midnight belongs to the next local date (and so to that date's holiday status).
    ranges[day].push([from, MINUTES_PER_DAY]);
    if (to > 0) ranges[(day + 1) % 7].push([0, to]);
  }
  return {
    timeZone: cal.timeZone,
    weekdays: ranges.map(mergeRanges),
    holidays: new Set(cal.holidays.filter((h) => !h.recurring).map((h) => h.date)),
    recurringHolidays: new Set(cal.holidays.filter((h) => h.recurring).map((h) => h.date.slice(5))),
  };
}

/** Working minutes of a local date, given as whole days since 1970-01-01. */
export function workingMinutesOn(cc: CompiledCalendar, localDay: number): MinuteRange[] {
  const date = new Date(localDay * DAY).toISOString().slice(0, 10);
  if (cc.holidays.has(date) || cc.recurringHolidays.has(date.slice(5))) return [];
  const weekday = (((localDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return cc.weekdays[weekday];
}

function mergeRanges(ranges: MinuteRange[]): MinuteRange[] {
  const merged: MinuteRange[] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
