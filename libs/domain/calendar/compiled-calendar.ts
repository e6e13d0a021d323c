import type { BusinessCalendar, HolidayRule } from './business-calendar.js';
import { parseClockTime, validateCalendar } from './calendar-validation.js';
import { HolidayDays } from './holiday-days.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

/** [from, to) in ms after the local midnight of the date that owns the range; an overnight range ends past the next one. */
export type DayRange = [from: number, to: number];

/** A validated calendar in the form the working-time walk needs. */
export interface CompiledCalendar {
  timeZone: string;
  /** By weekday (0 = Sunday): the merged working ranges a date owns when it is not a holiday. */
  rangesByWeekday: DayRange[][];
  holidays: HolidayDays;
  /** Working ms in any 7 local days that own no holiday and see no offset change: the shifts repeat every week. */
  weekMs: number;
}

// Compiling (validation included) costs more than a whole 30-day walk, and a ticket asks about the same calendar over
// and over. Keyed by content, so a calendar changed in place is compiled afresh; bounded, oldest out first.
const MAX_CACHED_CALENDARS = 256;
const compiled = new Map<string, CompiledCalendar>();

/** Throws when validateCalendar finds anything wrong: time cannot be counted on a calendar that cannot be read. */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const key = contentKey(cal);
  let cc = key === null ? undefined : compiled.get(key);
  if (cc) return cc;
  const problems = validateCalendar(cal);
  if (problems.length > 0) throw new Error(`Invalid business calendar: ${problems.join(' ')}`);
  const rangesByWeekday = ownedRanges(cal, cal.holidayRule ?? 'whole-shifts').map(mergeRanges);
  cc = { timeZone: cal.timeZone, rangesByWeekday, holidays: new HolidayDays(cal.holidays), weekMs: weekMs(rangesByWeekday) };
  if (key === null) return cc;
  if (compiled.size >= MAX_CACHED_CALENDARS) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, cc);
  return cc;
}

/**
 * Everything compiling reads, as one string (JSON.stringify of the whole calendar took half of a 30-day walk). Each
 * interval and holiday is a fixed-width field behind a marker, so no two calendars share a key. null when a field has
 * a type or width no valid calendar has: such a calendar is validated, and refused, on every call.
 */
function contentKey({ timeZone, intervals, holidays, holidayRule }: BusinessCalendar): string | null {
  if (!Array.isArray(intervals) || !Array.isArray(holidays)) return null;
  let key = JSON.stringify([timeZone, holidayRule]);
  for (const { day, start, end } of intervals) {
    if (!Number.isInteger(day) || day < 0 || day > 6 || !isStringOfLength(start, 5) || !isStringOfLength(end, 5)) return null;
    key += `|${day}${start}${end}`;
  }
  for (const { date, recurring } of holidays) {
    if (!isStringOfLength(date, 10)) return null;
    key += `${recurring ? '*' : '#'}${date}`;
  }
  return key;
}

const isStringOfLength = (value: unknown, length: number): boolean => typeof value === 'string' && value.length === length;

/** The working ranges of a local date, given as whole days since 1970-01-01. */
export function rangesOn(cc: CompiledCalendar, localDay: number): DayRange[] {
  if (cc.holidays.has(localDay)) return [];
  return cc.rangesByWeekday[(((localDay + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
}

function ownedRanges(cal: BusinessCalendar, rule: HolidayRule): DayRange[][] {
  const ranges: DayRange[][] = [[], [], [], [], [], [], []];
  for (const { day, start, end } of cal.intervals) {
    const from = (parseClockTime(start, false) as number) * MINUTE;
    const to = (parseClockTime(end, true) as number) * MINUTE;
    if (to > from) ranges[day].push([from, to]);
    else if (rule === 'whole-shifts') ranges[day].push([from, DAY + to]); // the whole shift belongs to its first date
    else {
      // The part after midnight belongs to the next date, and so to that date's holiday status.
      ranges[day].push([from, DAY]);
      if (to > 0) ranges[(day + 1) % 7].push([0, to]);
    }
  }
  return ranges;
}

function mergeRanges(ranges: DayRange[]): DayRange[] {
  const merged: DayRange[] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The measure of the week's ranges laid on a 7-day circle, where Saturday's overnight shift runs into Sunday. */
function weekMs(rangesByWeekday: DayRange[][]): number {
  const onCircle: DayRange[] = [];
  rangesByWeekday.forEach((ranges, weekday) => {
    for (const [from, to] of ranges) {
      const start = weekday * DAY + from;
      const end = weekday * DAY + to;
      if (end <= WEEK) onCircle.push([start, end]);
      else onCircle.push([start, WEEK], [0, end - WEEK]);
    }
  });
  return mergeRanges(onCircle).reduce((total, [from, to]) => total + to - from, 0);
}
