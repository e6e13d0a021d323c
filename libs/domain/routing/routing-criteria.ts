import { compileKeyword, type Keyword } from './keyword-match.js';
import type { RoutingCriteria } from './routing-rule.js';

/**
 * A rule's criteria in the form matching and comparing rules need: empty criteria dropped (null), value lists as sets,
 * emails and domains lowercased, keywords compiled and deduplicated.
 */
export interface NormalizedCriteria {
  channels: ReadonlySet<string> | null;
  priorities: ReadonlySet<string> | null;
  ticketTypes: ReadonlySet<string> | null;
  organizationIds: ReadonlySet<string> | null;
  customerTiers: ReadonlySet<string> | null;
  requesterEmails: ReadonlySet<string> | null;
  requesterDomains: ReadonlySet<string> | null;
  /** Only fields with at least one allowed value. */
  fields: ReadonlyMap<string, ReadonlySet<string>>;
  keywords: readonly Keyword[] | null;
  pattern: string | null;
  /** `window` as given (a value other than business_hours/after_hours never matches); calendarId null when missing. */
  arrival: { window: string; calendarId: string | null } | null;
}

/** The value-list criteria, in the order matches are told. */
export const LIST_CRITERIA = [
  'channels',
  'priorities',
  'ticketTypes',
  'organizationIds',
  'customerTiers',
  'requesterEmails',
  'requesterDomains',
] as const;
export type ListCriterion = (typeof LIST_CRITERIA)[number];

/** How one value of each list criterion reads in a sentence. */
export const LIST_LABELS: Record<ListCriterion, string> = {
  channels: 'channel',
  priorities: 'priority',
  ticketTypes: 'type',
  organizationIds: 'organization',
  customerTiers: 'customer tier',
  requesterEmails: 'requester',
  requesterDomains: 'requester domain',
};

// Criteria arrive from an admin UI as JSON: anything not of the declared type reads as absent.
export function normalizeCriteria(criteria: RoutingCriteria | undefined): NormalizedCriteria {
  const c = (criteria ?? {}) as Record<string, unknown>;
  const lower = (v: string) => v.trim().toLowerCase();
  const fields = new Map<string, ReadonlySet<string>>();
  if (isObject(c.fields)) {
    for (const [name, values] of Object.entries(c.fields)) {
      const set = valueSet(values, (v) => v);
      if (set) fields.set(name, set);
    }
  }
  const calendarId = typeof c.calendarId === 'string' && c.calendarId !== '' ? c.calendarId : null;
  return {
    channels: valueSet(c.channels, (v) => v),
    priorities: valueSet(c.priorities, (v) => v),
    ticketTypes: valueSet(c.ticketTypes, (v) => v),
    organizationIds: valueSet(c.organizationIds, (v) => v),
    customerTiers: valueSet(c.customerTiers, (v) => v),
    requesterEmails: valueSet(c.requesterEmails, lower),
    requesterDomains: valueSet(c.requesterDomains, lower),
    fields,
    keywords: keywords(c.keywords),
    pattern: typeof c.pattern === 'string' && c.pattern !== '' ? c.pattern : null,
    arrival: typeof c.arrival === 'string' && c.arrival !== '' ? { window: c.arrival, calendarId } : null,
  };
}

/** Whether anything at all narrows the tickets a rule takes. */
export function hasCriteria(n: NormalizedCriteria): boolean {
  return (
    LIST_CRITERIA.some((key) => n[key] !== null) ||
    n.fields.size > 0 ||
    n.keywords !== null ||
    n.pattern !== null ||
    n.arrival !== null
  );
}

/** The part of an address after its last '@', lowercased; '' when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1).trim().toLowerCase();
}

function valueSet(values: unknown, normalize: (value: string) => string): ReadonlySet<string> | null {
  if (!Array.isArray(values)) return null;
  const set = new Set<string>();
  for (const value of values) {
    const normalized = typeof value === 'string' ? normalize(value) : '';
    if (normalized !== '') set.add(normalized);
  }
  return set.size > 0 ? set : null;
}

function keywords(values: unknown): Keyword[] | null {
  if (!Array.isArray(values)) return null;
  const byText = new Map<string, Keyword>();
  for (const value of values) {
    const keyword = typeof value === 'string' ? compileKeyword(value) : null;
    if (keyword && !byText.has(keyword.text)) byText.set(keyword.text, keyword);
  }
  return byText.size > 0 ? [...byText.values()] : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
