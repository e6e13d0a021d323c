import { selectSlaPolicy } from './select-sla-policy.js';
import type { SlaPolicy, SlaPolicyConditions, SlaTicketFacts } from './sla-policy.js';

function policy(name: string, position: number, conditions: SlaPolicyConditions): SlaPolicy {
  return {
    id: name.toLowerCase().replace(/ /g, '-'),
    name,
    position,
    conditions,
    targets: { normal: { first_reply: { minutes: 60, businessHours: true } } },
    pauseWhile: {},
    warningThresholds: [],
    calendarId: null,
    escalationPolicyId: null,
  };
}

const facts: SlaTicketFacts = {
  priority: 'urgent',
  channel: 'email',
  organizationId: 'org-acme',
  customerTier: 'vip',
  groupId: 'group-billing',
  tags: ['refund', 'invoice'],
  type: 'incident',
  fields: { product: 'Portal', plan: 'Gold' },
};

describe('selectSlaPolicy', () => {
  it.each<[string, SlaPolicyConditions, string | null]>([
    ['no conditions', {}, 'it has no conditions'],
    ['only empty conditions', { priorities: [], tags: [] }, 'it has no conditions'],
    ['a priority among several (OR)', { priorities: ['high', 'urgent'] }, 'priority urgent'],
    ['a wrong priority', { priorities: ['low'] }, null],
    ['priority and tier (AND)', { priorities: ['urgent'], customerTiers: ['vip'] }, 'priority urgent, customer tier vip'],
    ['one AND condition failing', { priorities: ['urgent'], channels: ['chat'] }, null],
    ['channel', { channels: ['email', 'web'] }, 'channel email'],
    ['organization', { organizationIds: ['org-acme'] }, 'organization org-acme'],
    ['group', { groupIds: ['group-billing'] }, 'group group-billing'],
    ['one tag of several', { tags: ['refund', 'outage'] }, 'tag refund'],
    ['two tags', { tags: ['invoice', 'refund'] }, 'tags refund, invoice'],
    ['no shared tag', { tags: ['outage'] }, null],
    ['a type among several', { ticketTypes: ['problem', 'incident'] }, 'type incident'],
    ['another type', { ticketTypes: ['question'] }, null],
    ['type and priority (AND)', { priorities: ['urgent'], ticketTypes: ['incident'] }, 'priority urgent, type incident'],
    ['a field value among several', { fields: [{ name: 'product', values: ['Mobile app', 'Portal'] }] }, 'field product = Portal'],
    ['a field named in another case', { fields: [{ name: 'Product', values: ['Portal'] }] }, 'field Product = Portal'],
    ['another field value', { fields: [{ name: 'product', values: ['Mobile app'] }] }, null],
    ['a field the ticket lacks', { fields: [{ name: 'region', values: ['EU'] }] }, null],
    [
      'two fields and a priority (AND)',
      { fields: [{ name: 'plan', values: ['Gold'] }, { name: 'product', values: ['Portal'] }], priorities: ['urgent'] },
      'priority urgent, field plan = Gold, field product = Portal',
    ],
    ['one of two fields failing', { fields: [{ name: 'plan', values: ['Gold'] }, { name: 'product', values: ['Desktop'] }] }, null],
    [
      'every condition, named in a fixed order',
      {
        tags: ['invoice'],
        groupIds: ['group-billing'],
        customerTiers: ['vip'],
        organizationIds: ['org-acme'],
        channels: ['email'],
        priorities: ['urgent'],
      },
      'priority urgent, channel email, organization org-acme, customer tier vip, group group-billing, tag invoice',
    ],
  ])('%s', (_, conditions, matched) => {
    const selection = selectSlaPolicy([policy('P', 3, conditions)], facts);
    expect(selection?.reason ?? null).toBe(matched === null ? null : `Policy "P" (position 3) matched: ${matched}.`);
  });

  it('does not match a condition on a field the ticket lacks', () => {
    const bare: SlaTicketFacts = { ...facts, organizationId: null, customerTier: null, groupId: null, tags: [] };
    for (const conditions of [{ organizationIds: ['org-acme'] }, { customerTiers: ['vip'] }, { groupIds: ['g'] }, { tags: ['x'] }]) {
      expect(selectSlaPolicy([policy('P', 0, conditions)], bare)).toBeNull();
    }
  });

  it('matches no field condition for facts without fields (runs from before field conditions)', () => {
    const { fields: _fields, ...older } = facts;
    expect(selectSlaPolicy([policy('P', 0, { fields: [{ name: 'product', values: ['Portal'] }] })], older)).toBeNull();
  });

  it('tries policies by ascending position, whatever the list order, and the first match wins', () => {
    const policies = [
      policy('Default', 9, {}),
      policy('VIP urgent', 1, { priorities: ['urgent'], customerTiers: ['vip'] }),
      policy('Chat', 0, { channels: ['chat'] }),
    ];
    expect(selectSlaPolicy(policies, facts)).toEqual({
      policy: policies[1],
      reason: 'Policy "VIP urgent" (position 1) matched: priority urgent, customer tier vip.',
    });
    expect(selectSlaPolicy(policies, { ...facts, customerTier: null })?.reason).toBe(
      'Policy "Default" (position 9) matched: it has no conditions.',
    );
  });

  it('keeps the given order between policies at the same position', () => {
    const first = policy('First', 2, {});
    const second = policy('Second', 2, {});
    expect(selectSlaPolicy([first, second], facts)?.policy).toBe(first);
    expect(selectSlaPolicy([second, first], facts)?.policy).toBe(second);
  });

  it('returns null when nothing matches, and does not reorder the caller’s list', () => {
    const policies = [policy('B', 2, { channels: ['chat'] }), policy('A', 1, { priorities: ['low'] })];
    expect(selectSlaPolicy(policies, facts)).toBeNull();
    expect(selectSlaPolicy([], facts)).toBeNull();
    expect(policies.map((p) => p.name)).toEqual(['B', 'A']);
  });
});
