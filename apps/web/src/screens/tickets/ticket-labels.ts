import type { SlaMetric, TicketPriority, TicketStatus } from '../../gql/schema-types';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  NEW: 'New',
  OPEN: 'Open',
  PENDING: 'Pending',
  ON_HOLD: 'On hold',
  SOLVED: 'Solved',
  CLOSED: 'Closed',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' };

export const METRIC_LABELS: Record<SlaMetric, string> = { FIRST_REPLY: 'First reply', NEXT_REPLY: 'Next reply', RESOLUTION: 'Resolution' };

const STATUS_TONES: Record<TicketStatus, Tone> = { NEW: 'info', OPEN: 'info', PENDING: 'warn', ON_HOLD: 'warn', SOLVED: 'ok', CLOSED: 'neutral' };
const PRIORITY_TONES: Record<TicketPriority, Tone> = { LOW: 'neutral', NORMAL: 'neutral', HIGH: 'warn', URGENT: 'danger' };

/** The badge classes (styles.css) of a tone. */
export function badgeClass(tone: Tone): string {
  return tone === 'neutral' ? 'badge' : `badge badge-${tone}`;
}

export const statusBadge = (status: TicketStatus): string => badgeClass(STATUS_TONES[status]);
export const priorityBadge = (priority: TicketPriority): string => badgeClass(PRIORITY_TONES[priority]);

/** A metric name from the timeline's data ("first_reply" or "FIRST_REPLY"), as people read it. */
export function metricLabel(metric: unknown): string {
  const key = String(metric).toUpperCase();
  return key in METRIC_LABELS ? METRIC_LABELS[key as SlaMetric] : String(metric);
}
