export { SLA_METRICS, isSlaMetric, type SlaMetric } from './sla-metric.js';
export {
  DEFAULT_PAUSE_WHILE,
  DEFAULT_WARNING_THRESHOLDS,
  type SlaFieldCondition,
  type SlaPolicy,
  type SlaPolicyConditions,
  type SlaTarget,
  type SlaTicketFacts,
} from './sla-policy.js';
export { selectSlaPolicy, type SlaPolicySelection } from './select-sla-policy.js';
export {
  MAX_WARNING_THRESHOLDS,
  PAUSABLE_STATUSES,
  SLA_TARGET_MAX_MINUTES,
  validateSlaPolicy,
} from './sla-policy-validation.js';
export type { SlaAlarm, SlaBreach } from './sla-alarm.js';
export { calendarFor, targetMs, thresholdMs } from './sla-target-time.js';
export {
  closeRunningStretch,
  deadlineOf,
  elapsedMs,
  nextAlarm,
  pauseClock,
  recordAlarm,
  remainingMs,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  type ClockState,
  type MetricClock,
} from './metric-clock.js';
export {
  applySlaEvent,
  closeRunningStretches,
  breachesOf,
  emptyTicketSla,
  nextTicketAlarm,
  recordTicketAlarm,
  retargetTicketSla,
  type SlaEvent,
  type SlaRules,
  type TicketSla,
} from './ticket-sla.js';
