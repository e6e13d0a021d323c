// Plans count whole calendar days (UTC dates as YYYY-MM-DD): a rollout's tasks are days of work, not business minutes.

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The UTC date of an instant in epoch milliseconds. */
export function dateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The instant a day ends (midnight UTC after it), in epoch milliseconds: a task due that day is overdue from then. */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) + DAY_MS;
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}
