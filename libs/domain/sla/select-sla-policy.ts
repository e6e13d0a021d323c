import type { SlaFieldCondition, SlaPolicy, SlaPolicyConditions, SlaTicketFacts } from './sla-policy.js';

export interface SlaPolicySelection {
  policy: SlaPolicy;
  /** A sentence for agents and admins saying why this policy applies. */
  reason: string;
}

/** The conditions that are lists of values the ticket's facts are looked up in; `fields` is matched by name after them. */
type ListConditions = Omit<SlaPolicyConditions, 'fields'>;

/** How each list condition reads the ticket, and how a match is worded in the reason. */
const CONDITIONS: {
  [K in keyof ListConditions]-?: {
    values: (facts: SlaTicketFacts) => readonly string[];
    label: (matched: string[], facts: SlaTicketFacts) => string;
  };
} = {
  priorities: { values: (f) => [f.priority], label: (m) => `priority ${m.join(', ')}` },
  channels: { values: (f) => [f.channel], label: (m) => `channel ${m.join(', ')}` },
  organizationIds: { values: (f) => nonNull(f.organizationId), label: (m) => `organization ${m.join(', ')}` },
  customerTiers: { values: (f) => nonNull(f.customerTier), label: (m) => `customer tier ${m.join(', ')}` },
  groupIds: { values: (f) => nonNull(f.groupId), label: (m) => `group ${m.join(', ')}` },
  ticketTypes: { values: (f) => [f.type], label: (m) => `type ${m.join(', ')}` },
  tags: { values: (f) => f.tags, label: (m) => `${m.length === 1 ? 'tag' : 'tags'} ${m.join(', ')}` },
  // Named, not by id: the reason is read by agents and customers' admins.
  serviceIds: { values: (f) => nonNull(f.service?.id ?? null), label: (_m, f) => `service "${f.service!.name}"` },
  requestItemIds: { values: (f) => nonNull(f.requestItem?.id ?? null), label: (_m, f) => `request item "${f.requestItem!.name}"` },
};

const CONDITION_ORDER = Object.keys(CONDITIONS) as (keyof ListConditions)[];

/** The first policy by ascending position (ties keep their given order) whose conditions all match; null if none. */
export function selectSlaPolicy(policies: readonly SlaPolicy[], facts: SlaTicketFacts): SlaPolicySelection | null {
  const ordered = policies.map((policy, index) => ({ policy, index }));
  ordered.sort((a, b) => a.policy.position - b.policy.position || a.index - b.index);
  for (const { policy } of ordered) {
    const matched = matchConditions(policy.conditions, facts);
    if (matched === null) continue;
    const how = matched.length === 0 ? 'it has no conditions' : matched.join(', ');
    return { policy, reason: `Policy "${policy.name}" (position ${policy.position}) matched: ${how}.` };
  }
  return null;
}

/** The wording of each condition that matched, or null when one of them does not. Empty conditions are skipped. */
function matchConditions(conditions: SlaPolicyConditions, facts: SlaTicketFacts): string[] | null {
  const matched: string[] = [];
  for (const key of CONDITION_ORDER) {
    const wanted: readonly string[] | undefined = conditions[key];
    if (!wanted || wanted.length === 0) continue;
    const hits = CONDITIONS[key].values(facts).filter((value) => wanted.includes(value));
    if (hits.length === 0) return null;
    matched.push(CONDITIONS[key].label([...new Set(hits)], facts));
  }
  for (const condition of conditions.fields ?? []) {
    const hit = matchField(condition, facts.fields ?? {});
    if (hit === null) return null;
    matched.push(hit);
  }
  return matched;
}

/** `field product = Portal` when the ticket's value of the field is one of the condition's; null otherwise. */
function matchField({ name, values }: SlaFieldCondition, fields: Record<string, string>): string | null {
  const entry = Object.entries(fields).find(([fieldName]) => fieldName.toLowerCase() === name.toLowerCase());
  return entry && values.includes(entry[1]) ? `field ${name} = ${entry[1]}` : null;
}

function nonNull(value: string | null): string[] {
  return value === null ? [] : [value];
}
