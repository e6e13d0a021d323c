import type { SlaPolicy, SlaPolicyConditions, SlaTicketFacts } from './sla-policy.js';

export interface SlaPolicySelection {
  policy: SlaPolicy;
  /** A sentence for agents and admins saying why this policy applies. */
  reason: string;
}

/** How each condition reads the ticket, and how a match is worded in the reason. */
const CONDITIONS: {
  [K in keyof SlaPolicyConditions]-?: {
    values: (facts: SlaTicketFacts) => readonly string[];
    label: (matched: string[]) => string;
  };
} = {
  priorities: { values: (f) => [f.priority], label: (m) => `priority ${m.join(', ')}` },
  channels: { values: (f) => [f.channel], label: (m) => `channel ${m.join(', ')}` },
  organizationIds: { values: (f) => nonNull(f.organizationId), label: (m) => `organization ${m.join(', ')}` },
  customerTiers: { values: (f) => nonNull(f.customerTier), label: (m) => `customer tier ${m.join(', ')}` },
  groupIds: { values: (f) => nonNull(f.groupId), label: (m) => `group ${m.join(', ')}` },
  ticketTypes: { values: (f) => [f.type], label: (m) => `type ${m.join(', ')}` },
  tags: { values: (f) => f.tags, label: (m) => `${m.length === 1 ? 'tag' : 'tags'} ${m.join(', ')}` },
};

const CONDITION_ORDER = Object.keys(CONDITIONS) as (keyof SlaPolicyConditions)[];

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
    matched.push(CONDITIONS[key].label([...new Set(hits)]));
  }
  return matched;
}

function nonNull(value: string | null): string[] {
  return value === null ? [] : [value];
}
