import { SLA_METRICS, isSlaMetric } from '../sla/index.js';
import type { EscalationPolicy } from './escalation-policy.js';

export const MAX_ESCALATION_STEPS = 20;
/** Repeats more often than every 5 minutes are noise; less often than weekly are not a reminder. */
export const REPEAT_EVERY_MINUTES_MIN = 5;
export const REPEAT_EVERY_MINUTES_MAX = 10_080;

// Policies arrive from an admin UI as JSON, so every part is checked as `unknown` rather than trusted to its type.
type Loose = Record<string, unknown>;

/** Everything wrong with an escalation policy, as sentences for the admin who wrote it; empty when it can be saved. */
export function validateEscalationPolicy(p: Omit<EscalationPolicy, 'id'>): string[] {
  const policy = p as unknown as Loose;
  const problems: string[] = [];
  if (typeof policy.name !== 'string' || policy.name.trim() === '') problems.push('The policy needs a name.');
  const steps = policy.steps;
  if (!Array.isArray(steps)) return [...problems, 'Steps must be a list.'];
  if (steps.length === 0) {
    problems.push('The policy has no steps: add at least one, e.g. notify supervisors on a breach.');
  }
  if (steps.length > MAX_ESCALATION_STEPS) {
    problems.push(`A policy can have at most ${MAX_ESCALATION_STEPS} steps; this one has ${steps.length}.`);
  }
  steps.forEach((step: unknown, index) => {
    const label = `Step ${index + 1}`;
    if (!isObject(step)) {
      problems.push(`${label} must be { trigger, action, repeatEveryMinutes }.`);
      return;
    }
    problems.push(...triggerProblems(step.trigger).map((problem) => `${label}: ${problem}`));
    problems.push(...actionProblems(step.action).map((problem) => `${label}: ${problem}`));
    problems.push(...repeatProblems(step.repeatEveryMinutes).map((problem) => `${label}: ${problem}`));
  });
  return problems;
}

function triggerProblems(trigger: unknown): string[] {
  if (!isObject(trigger)) return ['the trigger must be { on, metric?, thresholdPercent? }.'];
  const problems: string[] = [];
  if (trigger.on !== 'warning' && trigger.on !== 'breach') {
    problems.push(`the trigger must be on 'warning' or 'breach', not ${show(trigger.on)}.`);
  }
  if (trigger.metric !== undefined && !(typeof trigger.metric === 'string' && isSlaMetric(trigger.metric))) {
    const metrics = SLA_METRICS.join(', ');
    problems.push(`${show(trigger.metric)} is not an SLA metric; use ${metrics}, or leave it out for any metric.`);
  }
  const threshold = trigger.thresholdPercent;
  if (threshold !== undefined) {
    if (trigger.on !== 'warning') {
      problems.push('a thresholdPercent only applies to warnings; a breach is always at 100 %.');
    } else if (!Number.isInteger(threshold) || (threshold as number) < 1 || (threshold as number) > 99) {
      problems.push(`thresholdPercent must be a whole percent from 1 to 99, got ${show(threshold)}.`);
    }
  }
  return problems;
}

function actionProblems(action: unknown): string[] {
  if (!isObject(action)) return ['the action must be { type, ... }.'];
  switch (action.type) {
    case 'reassign':
      return isId(action.groupId) ? [] : ['a reassign step needs a groupId.'];
    case 'notify':
      if (action.recipients === 'supervisors') return [];
      if (action.recipients === 'group') return isId(action.groupId) ? [] : ['a notify-group step needs a groupId.'];
      return [`notify recipients must be 'supervisors' or 'group', not ${show(action.recipients)}.`];
    case 'raise_priority':
      return [];
    default:
      return [`the action type must be 'notify', 'reassign' or 'raise_priority', not ${show(action.type)}.`];
  }
}

function repeatProblems(repeat: unknown): string[] {
  if (repeat === null) return [];
  const [min, max] = [REPEAT_EVERY_MINUTES_MIN, REPEAT_EVERY_MINUTES_MAX];
  if (Number.isInteger(repeat) && (repeat as number) >= min && (repeat as number) <= max) return [];
  return [
    `repeatEveryMinutes must be a whole number of minutes from ${min} to ${max} (one week), or null to act once; got ${show(repeat)}.`,
  ];
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
