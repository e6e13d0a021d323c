// What a report may ask for: a range of whole days in the viewer's time zone, and how the figures are grouped.

export const REPORT_GROUPINGS = ['none', 'day', 'week', 'month', 'agent', 'group', 'channel', 'priority', 'organization', 'policy'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** Periods, oldest first, in the viewer's time zone; weeks start on Monday (ISO). */
export const TIME_GROUPINGS: readonly ReportGrouping[] = ['day', 'week', 'month'];

/** The longest range each grouping accepts, in days: enough buckets to read, few enough to compute quickly. */
export const MAX_RANGE_DAYS: Record<ReportGrouping, number> = {
  day: 366,
  week: 3 * 366,
  month: 10 * 366,
  none: 10 * 366,
  agent: 10 * 366,
  group: 10 * 366,
  channel: 10 * 366,
  priority: 10 * 366,
  organization: 10 * 366,
  policy: 10 * 366,
};

export const DEFAULT_REPEAT_CONTACT_DAYS = 7;
const MAX_REPEAT_CONTACT_DAYS = 365;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportRange {
  /** First day, YYYY-MM-DD, in `timeZone`. */
  from: string;
  /** Last day, included, YYYY-MM-DD. */
  to: string;
  /** IANA zone the days are counted in. */
  timeZone: string;
}

export interface ReportRequestProblem {
  field: string;
  message: string;
}

/** Why a report cannot be computed as asked; empty when it can. */
export function reportRequestProblems(
  request: ReportRange & { groupBy: ReportGrouping; repeatContactDays?: number },
): ReportRequestProblem[] {
  const problems: ReportRequestProblem[] = [];
  const from = parseDay(request.from);
  const to = parseDay(request.to);
  if (from === null) problems.push({ field: 'from', message: `from must be a date as YYYY-MM-DD, got "${request.from}".` });
  if (to === null) problems.push({ field: 'to', message: `to must be a date as YYYY-MM-DD, got "${request.to}".` });
  if (!isTimeZone(request.timeZone)) {
    problems.push({ field: 'timeZone', message: `timeZone must be an IANA time zone such as "Europe/Paris", got "${request.timeZone}".` });
  }
  if (from !== null && to !== null) {
    const days = (to - from) / DAY_MS + 1;
    if (days < 1) problems.push({ field: 'to', message: `The range ends (${request.to}) before it starts (${request.from}).` });
    const limit = MAX_RANGE_DAYS[request.groupBy];
    if (days > limit) {
      problems.push({ field: 'to', message: `A report grouped by ${request.groupBy} covers at most ${limit} days; this range has ${days}.` });
    }
  }
  const repeat = request.repeatContactDays;
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT_CONTACT_DAYS)) {
    problems.push({ field: 'repeatContactDays', message: `repeatContactDays must be a whole number from 1 to ${MAX_REPEAT_CONTACT_DAYS}, got ${repeat}.` });
  }
  return problems;
}

/** Epoch ms of the date at UTC midnight, or null when it is not a real calendar date. */
function parseDay(value: string): number | null {
  if (!ISO_DATE.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
