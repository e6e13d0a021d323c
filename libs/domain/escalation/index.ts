export type { EscalationAction, EscalationPolicy, EscalationStep, EscalationTrigger } from './escalation-policy.js';
export { stepsForAlarm, type TriggeredStep } from './steps-for-alarm.js';
export { raisedPriority } from './raise-priority.js';
export {
  MAX_ESCALATION_STEPS,
  REPEAT_EVERY_MINUTES_MAX,
  REPEAT_EVERY_MINUTES_MIN,
  validateEscalationPolicy,
} from './escalation-policy-validation.js';
