import type { SlaAlarm } from '../sla/index.js';
import type { EscalationPolicy, EscalationStep, EscalationTrigger } from './escalation-policy.js';

export interface TriggeredStep {
  /** 0-based position of the step in the policy. */
  index: number;
  step: EscalationStep;
}

/** The steps an SLA alarm sets off, in policy order. */
export function stepsForAlarm(policy: EscalationPolicy, alarm: SlaAlarm): TriggeredStep[] {
  return policy.steps.flatMap((step, index) => (triggers(step.trigger, alarm) ? [{ index, step }] : []));
}

function triggers(trigger: EscalationTrigger, alarm: SlaAlarm): boolean {
  if (trigger.on !== alarm.kind) return false;
  if (trigger.metric !== undefined && trigger.metric !== alarm.metric) return false;
  // A threshold only narrows warnings; validation refuses one on a breach trigger.
  if (alarm.kind !== 'warning' || trigger.thresholdPercent === undefined) return true;
  return trigger.thresholdPercent === alarm.threshold;
}
