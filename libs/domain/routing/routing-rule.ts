import type { TicketChannel, TicketPriority } from '../tickets/ticket-fields.js';
import type { TicketType } from '../tickets/ticket-type.js';

/** What routing rules are matched against: the facts of a ticket as it arrives. */
export interface RoutableTicket {
  channel: TicketChannel;
  requesterEmail: string;
  organizationId: string | null;
  customerTier: string | null;
  priority: TicketPriority;
  /** The ticket's type; absent reads as its channel's default (see ticketTypeOrDefault). */
  type?: TicketType;
  subject: string;
  description: string;
  /** Form fields by name (product, category, …). */
  fields: Record<string, string>;
  /** Epoch milliseconds. */
  arrivedAt: number;
}

/** Whether a ticket arrived inside or outside the working hours of a business calendar. */
export const ARRIVAL_WINDOWS = ['business_hours', 'after_hours'] as const;
export type ArrivalWindow = (typeof ARRIVAL_WINDOWS)[number];

/**
 * Which tickets a rule takes. Every criterion present must match (AND); inside one criterion any listed value matches
 * (OR). An absent or empty criterion (empty list, empty string, a field with no values) is no criterion at all, and a
 * rule with no criterion never matches: the catch-all is the fallback queue.
 *
 * - requesterEmails / requesterDomains: compared lowercased; a domain is the part after the last '@', matched exactly
 *   (acme.com does not take mail.acme.com).
 * - ticketTypes: a ticket without a type has its channel's default type.
 * - organizationIds / customerTiers / fields: a ticket without the value (null, or no such form field) never matches.
 * - keywords: any one of them, as whole words, in the subject or in the description; case-insensitive, runs of
 *   whitespace inside a phrase match any run of whitespace. A phrase never spans subject and description.
 * - pattern: a JavaScript regular expression, case-insensitive (flag `i`; not `u`, whose `\b` and `\w` run many times
 *   slower under `i`, so `\p{…}` classes are unavailable), tested against subject + '\n' + description.
 * - arrival: judged at `arrivedAt` against the working hours of the calendar `calendarId`.
 */
export interface RoutingCriteria {
  channels?: TicketChannel[];
  requesterEmails?: string[];
  requesterDomains?: string[];
  organizationIds?: string[];
  customerTiers?: string[];
  priorities?: TicketPriority[];
  /** Ticket types (question, incident, problem, service_request, task). */
  ticketTypes?: TicketType[];
  /** Allowed values by form field, e.g. { product: ['X'] }; every field listed must match. */
  fields?: Record<string, string[]>;
  keywords?: string[];
  pattern?: string;
  arrival?: ArrivalWindow;
  /** The calendar `arrival` is judged by; required with `arrival`, meaningless without. */
  calendarId?: string;
}

export interface RequiredSkill {
  skill: string;
  /** 1..5 */
  minLevel: number;
}

/** What happens to a ticket a rule takes. */
export interface RoutingResult {
  groupId: string;
  requiredSkills: RequiredSkill[];
  /** Steps up (+) or down (−) the priority list, −3..+3; the result is clamped to low..urgent. */
  priorityAdjustment: number;
  tags: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  /** Rules are tried in ascending position (ties keep their given order); the first that matches routes the ticket. */
  position: number;
  criteria: RoutingCriteria;
  result: RoutingResult;
}

export const SKILL_LEVEL_MIN = 1;
export const SKILL_LEVEL_MAX = 5;
export const PRIORITY_ADJUSTMENT_MAX = 3;
export const MAX_KEYWORDS = 50;
export const KEYWORD_MAX_LENGTH = 100;
export const PATTERN_MAX_LENGTH = 1000;
