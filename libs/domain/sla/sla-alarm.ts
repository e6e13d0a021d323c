import type { SlaMetric } from './sla-metric.js';

/** A moment the workflow must act on: a metric reaching a warning percent of its target, or its target itself. */
export type SlaAlarm =
  | { kind: 'warning'; metric: SlaMetric; threshold: number; at: number }
  | { kind: 'breach'; metric: SlaMetric; at: number };

/** A target that was missed, as recorded when the workflow handled the breach alarm. */
export interface SlaBreach {
  metric: SlaMetric;
  /** When the clock reached its target. */
  deadline: number;
  /** When the workflow handled the breach: at or after the deadline. */
  detectedAt: number;
  /** detectedAt − deadline, never negative. */
  overdueMs: number;
}
