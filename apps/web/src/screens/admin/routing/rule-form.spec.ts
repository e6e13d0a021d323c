import { describeCriteria, emptyRuleForm, ruleFormFrom, ruleInputFrom, type SavedRule } from './rule-form';

const saved: SavedRule = {
  name: 'Billing',
  active: true,
  criteria: {
    channels: ['EMAIL'],
    priorities: [],
    ticketTypes: ['INCIDENT', 'SERVICE_REQUEST'],
    keywords: ['invoice', 'refund'],
    pattern: null,
    requesterDomains: ['acme.com'],
    requesterEmails: ['boss@acme.com'],
    customerTiers: [],
    organizationIds: [],
    fields: [{ name: 'product', values: ['pro'] }],
    arrival: 'AFTER_HOURS',
    calendarId: 'cal-1',
  },
  result: { groupId: 'g-billing', priorityAdjustment: 1, tags: ['billing'], requiredSkills: [{ skill: 'sepa', minLevel: 2 }] },
};

describe('routing rule form', () => {
  it('turns a new form into a rule input with lists parsed and domains normalized', () => {
    const form = { ...emptyRuleForm('g-1'), name: ' Refunds ', keywords: 'refund, chargeback,', requesterDomains: '@Acme.com', tags: 'money' };
    expect(ruleInputFrom(form)).toEqual({
      name: 'Refunds',
      active: true,
      criteria: {
        keywords: ['refund', 'chargeback'],
        pattern: null,
        channels: [],
        priorities: [],
        requesterDomains: ['acme.com'],
        customerTiers: [],
        requesterEmails: [],
        organizationIds: [],
        ticketTypes: [],
        fields: [],
        arrival: null,
        calendarId: null,
      },
      result: { groupId: 'g-1', priorityAdjustment: 0, tags: ['money'], requiredSkills: [] },
    });
  });

  it('round-trips a saved rule, keeping the criteria the form does not edit', () => {
    const input = ruleInputFrom({ ...ruleFormFrom(saved), keywords: 'invoice' }, saved);
    expect(input.criteria).toMatchObject({
      keywords: ['invoice'],
      channels: ['EMAIL'],
      requesterEmails: ['boss@acme.com'],
      ticketTypes: ['INCIDENT', 'SERVICE_REQUEST'],
      fields: [{ name: 'product', values: ['pro'] }],
      arrival: 'AFTER_HOURS',
      calendarId: 'cal-1',
    });
    expect(input.result).toEqual({ groupId: 'g-billing', priorityAdjustment: 1, tags: ['billing'], requiredSkills: [{ skill: 'sepa', minLevel: 2 }] });
  });

  it('describes criteria in words', () => {
    expect(describeCriteria(saved.criteria)).toBe(
      'channel email; type incident or service request; mentions “invoice” or “refund”; from @acme.com; from boss@acme.com; product is pro; arrives after hours',
    );
    expect(describeCriteria(ruleInputFrom(emptyRuleForm()).criteria as SavedRule['criteria'])).toBe('any ticket');
  });
});
