import type { HolidayInput, Weekday, WorkingIntervalInput } from '../../../gql/schema-types';

export const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Each weekday's working hours as typed: "09:00-12:00, 13:00-17:00", empty for a day off. */
export type WeeklyHoursText = Record<Weekday, string>;

/** The week as text, one entry per day (several intervals of a day joined by commas). */
export function weeklyHoursText(intervals: readonly WorkingIntervalInput[]): WeeklyHoursText {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      intervals
        .filter((interval) => interval.day === day)
        .map((interval) => `${interval.start}-${interval.end}`)
        .join(', '),
    ]),
  ) as WeeklyHoursText;
}

/**
 * The intervals of the week, or the days whose text is not "HH:MM-HH:MM" ranges (the API checks the times
 * themselves: order, overnight shifts, overlaps).
 */
export function parseWeeklyHours(text: WeeklyHoursText): { intervals: WorkingIntervalInput[]; badDays: Weekday[] } {
  const intervals: WorkingIntervalInput[] = [];
  const badDays: Weekday[] = [];
  for (const day of WEEKDAYS) {
    for (const range of text[day].split(',').map((part) => part.trim()).filter(Boolean)) {
      const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(range);
      if (!match) {
        badDays.push(day);
        break;
      }
      intervals.push({ day, start: match[1].padStart(5, '0'), end: match[2].padStart(5, '0') });
    }
  }
  return { intervals, badDays };
}

/** Holidays as lines "YYYY-MM-DD name" with "(every year)" at the end of a recurring one. */
export function holidaysText(holidays: readonly HolidayInput[]): string {
  return holidays.map((holiday) => [holiday.date, holiday.name, holiday.recurring ? '(every year)' : ''].filter(Boolean).join(' ')).join('\n');
}

/** The holidays of the text, or the lines that do not start with a date. */
export function parseHolidays(text: string): { holidays: HolidayInput[]; badLines: string[] } {
  const holidays: HolidayInput[] = [];
  const badLines: string[] = [];
  for (const line of text.split('\n').map((entry) => entry.trim()).filter(Boolean)) {
    const match = /^(\d{4}-\d{2}-\d{2})\s*(.*?)\s*(\(every year\))?$/i.exec(line);
    if (!match) badLines.push(line);
    else holidays.push({ date: match[1], name: match[2] || null, recurring: Boolean(match[3]) });
  }
  return { holidays, badLines };
}
