import type { RoutingCriteria, RoutingResult, RoutingRule } from '../../../libs/domain/routing/index.js';
import type { RoutingCriteriaInput, RoutingResultInput } from './dto/routing-rule.input.js';

/**
 * The domain's criteria from the client's shape: only the criteria that narrow are kept (empty lists and blank
 * strings are no criterion), so a rule of nothing but empty lists reads as "no criterion" to the validator.
 * Problems only the GraphQL shape can have (a form field listed twice) are added to `problems`.
 */
export function toCriteria(input: RoutingCriteriaInput, problems: string[]): RoutingCriteria {
  const criteria: RoutingCriteria = {};
  for (const key of ['channels', 'requesterEmails', 'requesterDomains', 'organizationIds', 'customerTiers', 'priorities', 'ticketTypes', 'keywords'] as const) {
    const values = [...new Set(input[key] ?? [])];
    if (values.length > 0) (criteria as Record<string, string[]>)[key] = values;
  }
  const fields: Record<string, string[]> = {};
  for (const { name, values } of input.fields ?? []) {
    if (Object.hasOwn(fields, name)) problems.push(`Criteria: the form field "${name}" is listed more than once; list all its values once.`);
    else if (values.length > 0) fields[name] = [...new Set(values)];
  }
  if (Object.keys(fields).length > 0) criteria.fields = fields;
  if (input.pattern != null && input.pattern !== '') criteria.pattern = input.pattern;
  if (input.arrival != null) criteria.arrival = input.arrival;
  if (input.calendarId != null && input.calendarId !== '') criteria.calendarId = input.calendarId;
  return criteria;
}

export function toResult(input: RoutingResultInput): RoutingResult {
  return {
    groupId: input.groupId,
    requiredSkills: (input.requiredSkills ?? []).map(({ skill, minLevel }) => ({ skill, minLevel })),
    priorityAdjustment: input.priorityAdjustment ?? 0,
    tags: [...new Set(input.tags ?? [])],
  };
}

/** Rule names for conflict reports. */
export function ruleRef(rules: readonly Pick<RoutingRule, 'id' | 'name'>[]): (id: string) => { id: string; name: string } {
  const names = new Map(rules.map((rule) => [rule.id, rule.name]));
  return (id) => ({ id, name: names.get(id) ?? id });
}
