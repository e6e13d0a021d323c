import { formatDuration } from '../../lib/durations';

/** A list row's next SLA deadline, relative to now: "in 2 h 05 min", "overdue by 5 min", or none. */
export function deadlineText(deadline: string | null | undefined, breachedAt: string | null | undefined, now: number): { text: string; tone: 'ok' | 'warn' | 'danger' | 'neutral' } {
  if (!deadline) return breachedAt ? { text: 'breached', tone: 'danger' } : { text: 'none running', tone: 'neutral' };
  const seconds = (Date.parse(deadline) - now) / 1000;
  if (seconds < 0) return { text: `overdue by ${formatDuration(seconds)}`, tone: 'danger' };
  return { text: `in ${formatDuration(seconds)}`, tone: seconds <= 3600 ? 'warn' : 'ok' };
}
