import type { SlaMetric, SlaPolicyInput, TicketChannel, TicketPriority, TicketStatus, TicketType } from '../../../gql/schema-types';
import { formatList, parseList } from '../text-lists';

export const METRICS: SlaMetric[] = ['FIRST_REPLY', 'NEXT_REPLY', 'RESOLUTION'];
export const TARGET_PRIORITIES: TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/** The target minutes as typed, by priority and metric ("" for no target). */
export type TargetGrid = Record<TicketPriority, Record<SlaMetric, string>>;

export interface PolicyForm {
  name: string;
  active: boolean;
  calendarId: string;
  priorities: TicketPriority[];
  channels: TicketChannel[];
  tags: string;
  businessHours: boolean;
  targets: TargetGrid;
  warningThresholds: string;
}

/** A saved policy as the list query reads it: enough to fill the form and to keep what the form does not show. */
export interface SavedPolicy {
  name: string;
  active: boolean;
  calendarId?: string | null;
  escalationPolicyId?: string | null;
  conditions: {
    channels: TicketChannel[];
    priorities: TicketPriority[];
    tags: string[];
    customerTiers: string[];
    groupIds: string[];
    organizationIds: string[];
    ticketTypes: TicketType[];
    serviceIds: string[];
    requestItemIds: string[];
    fields: { name: string; values: string[] }[];
  };
  targets: { priority: TicketPriority; metric: SlaMetric; minutes: number; businessHours: boolean }[];
  pauseWhile: { metric: SlaMetric; statuses: TicketStatus[] }[];
  warningThresholds: number[];
}

function emptyGrid(): TargetGrid {
  return Object.fromEntries(TARGET_PRIORITIES.map((priority) => [priority, Object.fromEntries(METRICS.map((metric) => [metric, '']))])) as TargetGrid;
}

export function emptyPolicyForm(): PolicyForm {
  return { name: '', active: true, calendarId: '', priorities: [], channels: [], tags: '', businessHours: true, targets: emptyGrid(), warningThresholds: '75, 90' };
}

export function policyFormFrom(policy: SavedPolicy): PolicyForm {
  const targets = emptyGrid();
  for (const target of policy.targets) targets[target.priority][target.metric] = String(target.minutes);
  return {
    name: policy.name,
    active: policy.active,
    calendarId: policy.calendarId ?? '',
    priorities: policy.conditions.priorities,
    channels: policy.conditions.channels,
    tags: formatList(policy.conditions.tags),
    businessHours: policy.targets.every((target) => target.businessHours),
    targets,
    warningThresholds: formatList(policy.warningThresholds.map(String)),
  };
}

/**
 * The whole policy the API takes (an update replaces it): the form's fields, and the saved policy's escalation,
 * pause rules and other conditions as they were. Non-numbers are sent as they are read (NaN → the API refuses).
 */
export function policyInputFrom(form: PolicyForm, saved?: SavedPolicy): SlaPolicyInput {
  const targets = TARGET_PRIORITIES.flatMap((priority) =>
    METRICS.filter((metric) => form.targets[priority][metric].trim() !== '').map((metric) => ({
      priority,
      metric,
      minutes: Number(form.targets[priority][metric]),
      businessHours: form.businessHours,
    })),
  );
  return {
    name: form.name.trim(),
    active: form.active,
    calendarId: form.calendarId || null,
    escalationPolicyId: saved?.escalationPolicyId ?? null,
    conditions: {
      priorities: form.priorities,
      channels: form.channels,
      tags: parseList(form.tags),
      customerTiers: saved?.conditions.customerTiers ?? [],
      groupIds: saved?.conditions.groupIds ?? [],
      organizationIds: saved?.conditions.organizationIds ?? [],
      ticketTypes: saved?.conditions.ticketTypes ?? [],
      serviceIds: saved?.conditions.serviceIds ?? [],
      requestItemIds: saved?.conditions.requestItemIds ?? [],
      fields: saved?.conditions.fields.map(({ name, values }) => ({ name, values })) ?? [],
    },
    targets,
    ...(saved ? { pauseWhile: saved.pauseWhile.map(({ metric, statuses }) => ({ metric, statuses })) } : {}),
    warningThresholds: parseList(form.warningThresholds).map(Number),
  };
}
