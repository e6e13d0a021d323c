import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../tickets/ticket-fields.js';
import { isTicketStatus } from '../tickets/ticket-status.js';
import { TICKET_TYPES } from '../tickets/ticket-type.js';
import { SLA_METRICS, isSlaMetric } from './sla-metric.js';
import type { SlaPolicy } from './sla-policy.js';

export const SLA_TARGET_MAX_MINUTES = 525_600; // one year
export const MAX_WARNING_THRESHOLDS = 5;
/** A clock may only stand still while the ticket waits on someone other than the team. */
export const PAUSABLE_STATUSES = ['pending', 'on_hold'] as const;

const CONDITION_KEYS = [
  'priorities',
  'channels',
  'organizationIds',
  'customerTiers',
  'groupIds',
  'tags',
  'ticketTypes',
  'serviceIds',
  'requestItemIds',
  'fields',
] as const;

// Policies arrive from an admin UI as JSON, so every part is checked as `unknown` rather than trusted to its type.
type Loose = Record<string, unknown>;

/** Everything wrong with an SLA policy, as sentences for the admin who wrote it; empty when it can be saved. */
export function validateSlaPolicy(p: Omit<SlaPolicy, 'id'>): string[] {
  const policy = p as unknown as Loose;
  return [
    ...nameProblems(policy.name),
    ...positionProblems(policy.position),
    ...conditionProblems(policy.conditions),
    ...targetProblems(policy.targets),
    ...thresholdProblems(policy.warningThresholds),
    ...pauseProblems(policy.pauseWhile),
    ...idProblems('calendarId', policy.calendarId, 'null for the 24x7 calendar'),
    ...idProblems('escalationPolicyId', policy.escalationPolicyId, 'null for no escalation'),
  ];
}

function nameProblems(name: unknown): string[] {
  return typeof name === 'string' && name.trim() !== '' ? [] : ['The policy needs a name.'];
}

function positionProblems(position: unknown): string[] {
  if (Number.isInteger(position) && (position as number) >= 0) return [];
  return [`Position must be a whole number, 0 or more (policies are tried lowest first); got ${show(position)}.`];
}

function conditionProblems(conditions: unknown): string[] {
  if (!isObject(conditions)) return ['Conditions must be an object; use {} to match every ticket.'];
  const problems: string[] = [];
  for (const [key, values] of Object.entries(conditions)) {
    if (!(CONDITION_KEYS as readonly string[]).includes(key)) {
      problems.push(`Conditions: "${key}" is not a condition; use ${CONDITION_KEYS.join(', ')}.`);
      continue;
    }
    if (values === undefined) continue;
    if (key === 'fields') {
      problems.push(...fieldConditionProblems(values));
      continue;
    }
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' && v !== '')) {
      problems.push(`Conditions: ${key} must be a list of non-empty strings.`);
      continue;
    }
    const allowed =
      key === 'priorities' ? TICKET_PRIORITIES : key === 'channels' ? TICKET_CHANNELS : key === 'ticketTypes' ? TICKET_TYPES : null;
    for (const value of allowed ? values : []) {
      if (!(allowed as readonly string[]).includes(value)) {
        problems.push(`Conditions: "${value}" is not one of the ${key}; use ${allowed!.join(', ')}.`);
      }
    }
  }
  return problems;
}

/** Each custom field named once, with at least one value to match. */
function fieldConditionProblems(conditions: unknown): string[] {
  const shape = 'Conditions: fields must be a list of { name, values } with a field name and at least one non-empty value.';
  if (!Array.isArray(conditions)) return [shape];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const condition of conditions) {
    const { name, values } = isObject(condition) ? condition : {};
    if (typeof name !== 'string' || name.trim() === '' || !Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' && v !== '')) {
      problems.push(`${shape} Got ${show(condition)}.`);
    } else if (seen.has(name.toLowerCase())) {
      problems.push(`Conditions: the field "${name}" is listed more than once; list all its values in one condition.`);
    }
    if (typeof name === 'string') seen.add(name.toLowerCase());
  }
  return problems;
}

function targetProblems(targets: unknown): string[] {
  if (!isObject(targets)) return ['Targets must be an object of minutes by priority and metric.'];
  const problems: string[] = [];
  let count = 0;
  for (const [priority, byMetric] of Object.entries(targets)) {
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority)) {
      problems.push(`Targets: "${priority}" is not a priority; use ${TICKET_PRIORITIES.join(', ')}.`);
      continue;
    }
    if (byMetric === undefined) continue;
    if (!isObject(byMetric)) {
      problems.push(`Targets for ${priority} must be an object of targets by metric.`);
      continue;
    }
    for (const [metric, target] of Object.entries(byMetric)) {
      if (!isSlaMetric(metric)) {
        problems.push(`Targets for ${priority}: "${metric}" is not an SLA metric; use ${SLA_METRICS.join(', ')}.`);
        continue;
      }
      if (target === undefined) continue;
      count++;
      const label = `The ${priority} ${metric} target`;
      if (!isObject(target)) {
        problems.push(`${label} must be { minutes, businessHours }.`);
        continue;
      }
      const minutes = target.minutes;
      if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > SLA_TARGET_MAX_MINUTES) {
        problems.push(
          `${label} must be a whole number of minutes from 1 to ${SLA_TARGET_MAX_MINUTES} (one year); got ${show(minutes)}.`,
        );
      }
      if (typeof target.businessHours !== 'boolean') {
        problems.push(
          `${label} must say whether it counts business hours (businessHours: true) or calendar time (false).`,
        );
      }
    }
  }
  if (count === 0) {
    problems.push('The policy has no targets: set at least one, e.g. a first_reply time for urgent tickets.');
  }
  return problems;
}

function thresholdProblems(thresholds: unknown): string[] {
  if (!Array.isArray(thresholds)) {
    return ['Warning thresholds must be a list of percents, e.g. [75, 90], or [] for no warnings.'];
  }
  const problems: string[] = [];
  if (thresholds.length > MAX_WARNING_THRESHOLDS) {
    problems.push(`At most ${MAX_WARNING_THRESHOLDS} warning thresholds are allowed; got ${thresholds.length}.`);
  }
  for (const t of thresholds) {
    if (!Number.isInteger(t) || t < 1 || t > 99) {
      problems.push(`Warning threshold ${show(t)} must be a whole percent from 1 to 99 (100 % is the breach itself).`);
    }
  }
  if (thresholds.some((t, i) => i > 0 && !(t > thresholds[i - 1]))) {
    const given = thresholds.map(show).join(', ');
    problems.push(`Warning thresholds must be strictly ascending, without repeats (e.g. 75, 90); got ${given}.`);
  }
  return problems;
}

function pauseProblems(pauseWhile: unknown): string[] {
  if (!isObject(pauseWhile)) return ['Pause rules must be an object of statuses by metric; use {} to never pause.'];
  const problems: string[] = [];
  for (const [metric, statuses] of Object.entries(pauseWhile)) {
    if (!isSlaMetric(metric)) {
      problems.push(`Pause rules: "${metric}" is not an SLA metric; use ${SLA_METRICS.join(', ')}.`);
      continue;
    }
    if (statuses === undefined) continue;
    if (!Array.isArray(statuses)) {
      problems.push(`Pause rules for ${metric} must be a list of statuses (${PAUSABLE_STATUSES.join(', ')}).`);
      continue;
    }
    for (const status of statuses) problems.push(...pausableStatusProblems(metric, status));
  }
  return problems;
}

function pausableStatusProblems(metric: string, status: unknown): string[] {
  const label = `Pause rules for ${metric}`;
  if ((PAUSABLE_STATUSES as readonly unknown[]).includes(status)) return [];
  if (typeof status !== 'string' || !isTicketStatus(status)) {
    return [
      `${label}: ${show(status)} is not a ticket status; a clock can pause while ${PAUSABLE_STATUSES.join(' or ')}.`,
    ];
  }
  const why =
    status === 'new' || status === 'open'
      ? `while ${status}, the ticket is waiting on the team, which is exactly the time the SLA measures`
      : `every clock already stops when a ticket is ${status}`;
  const pausable = PAUSABLE_STATUSES.join(' and ');
  return [`${label}: pausing while ${status} makes no sense: ${why}. Only ${pausable} can pause a clock.`];
}

function idProblems(field: string, value: unknown, meaning: string): string[] {
  if (value === null || (typeof value === 'string' && value.trim() !== '')) return [];
  return [`${field} must be an id or ${meaning}; got ${show(value)}.`];
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
