/** A report range the board offers: the last N days, today included. */
export const RANGE_CHOICES = [7, 30] as const;
export type RangeDays = (typeof RANGE_CHOICES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of an instant in a time zone (the report cuts its days in the viewer's zone). */
export function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The report filter's first and last day (both included) for the last `days` days ending today in `timeZone`. Counted
 * on the calendar date, not by subtracting 24-hour steps from now, so a DST change cannot skip or repeat a day.
 */
export function lastDays(days: number, now: number, timeZone: string): { from: string; to: string } {
  const to = localDate(now, timeZone);
  const [year, month, day] = to.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1, day) - (days - 1) * DAY_MS);
  return { from: first.toISOString().slice(0, 10), to };
}

/** "7 Dec" for a report's 'YYYY-MM-DD' key (a chart's axis; the date itself, no time zone shift). */
export function shortDay(key: string): string {
  const [year, month, day] = key.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
