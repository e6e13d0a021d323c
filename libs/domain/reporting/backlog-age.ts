// The backlog at an instant: tickets created by then and not solved (or closed) by then. Their age is counted from
// creation to that instant, in calendar time, and sorted into these buckets.

const DAY_MS = 86_400_000;

export interface BacklogAgeBucket {
  label: string;
  /** Ages from this (included) … */
  fromMs: number;
  /** … to this (excluded); null: no upper bound. */
  toMs: number | null;
}

export const BACKLOG_AGE_BUCKETS: readonly BacklogAgeBucket[] = [
  { label: 'under 1 day', fromMs: 0, toMs: DAY_MS },
  { label: '1-3 days', fromMs: DAY_MS, toMs: 3 * DAY_MS },
  { label: '3-7 days', fromMs: 3 * DAY_MS, toMs: 7 * DAY_MS },
  { label: '7-30 days', fromMs: 7 * DAY_MS, toMs: 30 * DAY_MS },
  { label: '30 days or more', fromMs: 30 * DAY_MS, toMs: null },
];
