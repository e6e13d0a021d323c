export { ticketFacts, type ReportedEvent, type ReportedMessage, type SlaOutcomeCounts, type TicketFacts, type TicketHistory } from './ticket-facts.js';
export {
  metricDefinition,
  REPORT_METRIC_NAMES,
  REPORT_METRICS,
  type CountFact,
  type DurationFact,
  type MetricAggregate,
  type MetricAnchor,
  type MetricDefinition,
  type MetricUnit,
  type ReportMetric,
  type TicketPredicate,
} from './report-metrics.js';
export {
  DEFAULT_REPEAT_CONTACT_DAYS,
  MAX_RANGE_DAYS,
  REPORT_GROUPINGS,
  reportRequestProblems,
  TIME_GROUPINGS,
  type ReportGrouping,
  type ReportRange,
  type ReportRequestProblem,
} from './report-request.js';
export { BACKLOG_AGE_BUCKETS, type BacklogAgeBucket } from './backlog-age.js';
export { minutesOnline, type AvailabilityChange } from './time-online.js';
