import type { SlaMetric } from '../sla/index.js';

/** Which SLA alarms set a step off. */
export interface EscalationTrigger {
  on: 'warning' | 'breach';
  /** Absent: any metric. */
  metric?: SlaMetric;
  /** Warnings only. Absent: any warning threshold. */
  thresholdPercent?: number;
}

export type EscalationAction =
  | { type: 'notify'; recipients: 'supervisors' | 'group'; groupId?: string }
  | { type: 'reassign'; groupId: string }
  | { type: 'raise_priority' };

export interface EscalationStep {
  trigger: EscalationTrigger;
  action: EscalationAction;
  /** Repeat the action this often until someone acknowledges it; null: once. */
  repeatEveryMinutes: number | null;
}

export interface EscalationPolicy {
  id: string;
  name: string;
  steps: EscalationStep[];
}
