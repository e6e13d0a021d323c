import type { TicketChannel, TicketPriority } from '../tickets/ticket-fields.js';
import type { TicketType } from '../tickets/ticket-type.js';
import type { TicketStatus } from '../tickets/ticket-status.js';
import type { SlaMetric } from './sla-metric.js';

/** How long a metric may take. `businessHours: false` counts calendar time (24x7), whatever the policy's calendar. */
export interface SlaTarget {
  minutes: number;
  businessHours: boolean;
}

/**
 * Which tickets a policy applies to. Every condition present must match (AND); inside one condition any listed value
 * matches (OR); `tags` matches when the ticket has at least one of them. An absent or empty condition matches every
 * ticket.
 */
export interface SlaPolicyConditions {
  priorities?: TicketPriority[];
  channels?: TicketChannel[];
  organizationIds?: string[];
  customerTiers?: string[];
  groupIds?: string[];
  tags?: string[];
  /** Ticket types (question, incident, problem, service_request, task). */
  ticketTypes?: TicketType[];
  /** Catalog services (ids): a service request of one of them; a ticket without a service never matches. */
  serviceIds?: string[];
  /** Catalog request items (ids) of a service request. */
  requestItemIds?: string[];
  /** Custom fields: each listed field's value on the ticket is one of its values (a ticket without the field never matches). */
  fields?: SlaFieldCondition[];
}

/** A custom field's condition, e.g. { name: 'product', values: ['Portal'] }; names are compared ignoring case. */
export interface SlaFieldCondition {
  name: string;
  values: string[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Policies are tried in ascending position; the first that matches applies. */
  position: number;
  conditions: SlaPolicyConditions;
  targets: Partial<Record<TicketPriority, Partial<Record<SlaMetric, SlaTarget>>>>;
  /** The statuses in which a metric's clock stands still. */
  pauseWhile: Partial<Record<SlaMetric, TicketStatus[]>>;
  /** Percents of a target at which to warn, e.g. [75, 90]. */
  warningThresholds: number[];
  /** The business calendar for business-hours targets; null means the 24x7 calendar. */
  calendarId: string | null;
  escalationPolicyId: string | null;
}

/** What a policy's conditions are matched against. */
export interface SlaTicketFacts {
  priority: TicketPriority;
  channel: TicketChannel;
  organizationId: string | null;
  customerTier: string | null;
  groupId: string | null;
  tags: string[];
  type: TicketType;
  /** A service request's service and request item, names for the reason; absent (none) for other tickets. */
  service?: { id: string; name: string } | null;
  requestItem?: { id: string; name: string } | null;
  /** The ticket's custom fields; absent in runs from before field conditions (no field condition matches then). */
  fields?: Record<string, string>;
}

// Shared constants: copy them before changing anything in a policy built from them.

/** Waiting on the customer (pending) or on a third party (on_hold) is not the team's time to resolve. */
export const DEFAULT_PAUSE_WHILE: Partial<Record<SlaMetric, TicketStatus[]>> = { resolution: ['pending', 'on_hold'] };

export const DEFAULT_WARNING_THRESHOLDS: number[] = [75, 90];
