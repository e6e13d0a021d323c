import type { ArrivalWindow, RoutingRuleInput, TicketChannel, TicketPriority, TicketType } from '../../../gql/schema-types';
import { formatList, parseList } from '../text-lists';

/** What the rule form edits; the lists are the comma-separated text a person types. */
export interface RuleForm {
  name: string;
  active: boolean;
  keywords: string;
  pattern: string;
  channels: TicketChannel[];
  priorities: TicketPriority[];
  requesterDomains: string;
  customerTiers: string;
  groupId: string;
  priorityAdjustment: number;
  tags: string;
}

/** A saved rule as the list query reads it: every criterion, so an edit can keep the ones the form does not show. */
export interface SavedRule {
  name: string;
  active: boolean;
  criteria: {
    channels: TicketChannel[];
    priorities: TicketPriority[];
    ticketTypes: TicketType[];
    keywords: string[];
    pattern?: string | null;
    requesterDomains: string[];
    requesterEmails: string[];
    customerTiers: string[];
    organizationIds: string[];
    fields: { name: string; values: string[] }[];
    arrival?: ArrivalWindow | null;
    calendarId?: string | null;
  };
  result: { groupId: string; priorityAdjustment: number; tags: string[]; requiredSkills: { skill: string; minLevel: number }[] };
}

export function emptyRuleForm(groupId = ''): RuleForm {
  return {
    name: '',
    active: true,
    keywords: '',
    pattern: '',
    channels: [],
    priorities: [],
    requesterDomains: '',
    customerTiers: '',
    groupId,
    priorityAdjustment: 0,
    tags: '',
  };
}

export function ruleFormFrom(rule: SavedRule): RuleForm {
  return {
    name: rule.name,
    active: rule.active,
    keywords: formatList(rule.criteria.keywords),
    pattern: rule.criteria.pattern ?? '',
    channels: rule.criteria.channels,
    priorities: rule.criteria.priorities,
    requesterDomains: formatList(rule.criteria.requesterDomains),
    customerTiers: formatList(rule.criteria.customerTiers),
    groupId: rule.result.groupId,
    priorityAdjustment: rule.result.priorityAdjustment,
    tags: formatList(rule.result.tags),
  };
}

/**
 * The whole rule the API takes (an update replaces the rule): the form's criteria, and the saved rule's others
 * (requester emails, organizations, ticket types, form fields, arrival window, required skills) as they were.
 */
export function ruleInputFrom(form: RuleForm, saved?: SavedRule): RoutingRuleInput {
  const kept = saved?.criteria;
  return {
    name: form.name.trim(),
    active: form.active,
    criteria: {
      keywords: parseList(form.keywords),
      pattern: form.pattern.trim() || null,
      channels: form.channels,
      priorities: form.priorities,
      requesterDomains: parseList(form.requesterDomains).map((domain) => domain.toLowerCase().replace(/^@/, '')),
      customerTiers: parseList(form.customerTiers),
      requesterEmails: kept?.requesterEmails ?? [],
      organizationIds: kept?.organizationIds ?? [],
      ticketTypes: kept?.ticketTypes ?? [],
      fields: kept?.fields.map(({ name, values }) => ({ name, values })) ?? [],
      arrival: kept?.arrival ?? null,
      calendarId: kept?.calendarId ?? null,
    },
    result: {
      groupId: form.groupId,
      priorityAdjustment: form.priorityAdjustment,
      tags: parseList(form.tags),
      requiredSkills: saved?.result.requiredSkills.map(({ skill, minLevel }) => ({ skill, minLevel })) ?? [],
    },
  };
}

/** The rule's criteria in words, one phrase each, for the rule list ("any ticket" when it has none). */
export function describeCriteria(criteria: SavedRule['criteria']): string {
  const lowered = (values: readonly string[]) => values.map((value) => value.toLowerCase()).join(' or ');
  const phrases = [
    criteria.channels.length > 0 && `channel ${lowered(criteria.channels)}`,
    criteria.priorities.length > 0 && `priority ${lowered(criteria.priorities)}`,
    criteria.ticketTypes.length > 0 && `type ${criteria.ticketTypes.map((type) => type.toLowerCase().replace('_', ' ')).join(' or ')}`,
    criteria.keywords.length > 0 && `mentions ${criteria.keywords.map((keyword) => `“${keyword}”`).join(' or ')}`,
    criteria.pattern && `matches /${criteria.pattern}/i`,
    criteria.requesterDomains.length > 0 && `from ${criteria.requesterDomains.map((domain) => `@${domain}`).join(' or ')}`,
    criteria.requesterEmails.length > 0 && `from ${criteria.requesterEmails.join(' or ')}`,
    criteria.customerTiers.length > 0 && `tier ${criteria.customerTiers.join(' or ')}`,
    criteria.organizationIds.length > 0 && `organization ${criteria.organizationIds.join(' or ')}`,
    ...criteria.fields.map((field) => `${field.name} is ${field.values.join(' or ')}`),
    criteria.arrival && (criteria.arrival === 'BUSINESS_HOURS' ? 'arrives in business hours' : 'arrives after hours'),
  ].filter((phrase): phrase is string => typeof phrase === 'string' && phrase.length > 0);
  return phrases.length > 0 ? phrases.join('; ') : 'any ticket';
}
