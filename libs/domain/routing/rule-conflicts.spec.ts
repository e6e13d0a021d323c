import { findRuleConflicts } from './rule-conflicts.js';
import type { RoutingCriteria, RoutingRule } from './routing-rule.js';

function rule(id: string, position: number, groupId: string, criteria: RoutingCriteria): RoutingRule {
  return { id, name: id.toUpperCase(), position, criteria, result: { groupId, requiredSkills: [], priorityAdjustment: 0, tags: [] } };
}

/** Whether the later rule (position 2) is reported as shadowed by the earlier one (position 1). */
function shadows(earlier: RoutingCriteria, later: RoutingCriteria): boolean {
  const { shadowed } = findRuleConflicts([rule('e', 1, 'g1', earlier), rule('l', 2, 'g2', later)]);
  return shadowed.some((s) => s.rule === 'l' && s.by === 'e');
}

describe('findRuleConflicts: shadowing, reported only when provable', () => {
  it.each<[string, RoutingCriteria, RoutingCriteria, boolean]>([
    ['the same criteria', { channels: ['email'] }, { channels: ['email'] }, true],
    ['a wider channel list', { channels: ['email', 'chat'] }, { channels: ['email'] }, true],
    ['a narrower channel list', { channels: ['email'] }, { channels: ['email', 'chat'] }, false],
    ['a criterion the later rule adds', { channels: ['email'] }, { channels: ['email'], priorities: ['urgent'] }, true],
    ['a criterion the later rule lacks', { channels: ['email'], priorities: ['urgent'] }, { channels: ['email'] }, false],
    ['every priority listed takes a rule without priorities', { priorities: ['low', 'normal', 'high', 'urgent'] }, { customerTiers: ['vip'] }, true],
    ['every channel listed, likewise', { channels: ['email', 'web', 'chat', 'phone', 'api', 'social'] }, { organizationIds: ['o'] }, true],
    ['all but one priority', { priorities: ['normal', 'high', 'urgent'] }, { customerTiers: ['vip'] }, false],
    ['types, a superset', { ticketTypes: ['incident', 'problem'] }, { ticketTypes: ['incident'], channels: ['email'] }, true],
    ['types, disjoint', { ticketTypes: ['incident'] }, { ticketTypes: ['question'] }, false],
    ['every type listed takes a rule without types', { ticketTypes: ['question', 'incident', 'problem', 'service_request', 'task'] }, { customerTiers: ['vip'] }, true],
    ['organizations, a superset', { organizationIds: ['a', 'b'] }, { organizationIds: ['b'] }, true],
    ['organizations, not listed by the later rule', { organizationIds: ['a'] }, { customerTiers: ['vip'] }, false],
    ['tiers, disjoint', { customerTiers: ['vip'] }, { customerTiers: ['gold'] }, false],
    ['emails, compared lowercased', { requesterEmails: ['Ana@acme.com', 'bo@acme.com'] }, { requesterEmails: ['ana@ACME.com'] }, true],
    ['a domain takes its own requesters', { requesterDomains: ['acme.com'] }, { requesterEmails: ['ana@acme.com', 'bo@acme.com'] }, true],
    ['a domain does not take requesters elsewhere', { requesterDomains: ['acme.com'] }, { requesterEmails: ['ana@acme.com', 'x@globex.com'] }, false],
    ['a domain does not take its subdomains', { requesterDomains: ['acme.com'] }, { requesterDomains: ['eu.acme.com'] }, false],
    ['a requester does not take their domain', { requesterEmails: ['ana@acme.com'] }, { requesterDomains: ['acme.com'] }, false],
    ['a field, a superset', { fields: { product: ['X', 'Y'] } }, { fields: { product: ['X'], category: ['c'] } }, true],
    ['a field the later rule lacks', { fields: { product: ['X'] } }, { fields: { category: ['c'] } }, false],
    ['a field with a value outside', { fields: { product: ['X'] } }, { fields: { product: ['X', 'Z'] } }, false],
    ['the same arrival and calendar', { arrival: 'after_hours', calendarId: 'office' }, { arrival: 'after_hours', calendarId: 'office', channels: ['chat'] }, true],
    ['the same arrival on another calendar', { arrival: 'after_hours', calendarId: 'office' }, { arrival: 'after_hours', calendarId: 'eu' }, false],
    ['an arrival the later rule lacks', { arrival: 'after_hours', calendarId: 'office', channels: ['chat'] }, { channels: ['chat'] }, false],
    ['the same keyword', { keywords: ['refund'] }, { keywords: ['Refund'] }, true],
    ['a keyword inside each later phrase', { keywords: ['refund'] }, { keywords: ['refund request', 'full refund'] }, true],
    ['one of several keywords for each later keyword', { keywords: ['refund', 'invoice'] }, { keywords: ['invoice', 'refund  now'] }, true],
    ['earlier keywords a subset of the later ones', { keywords: ['refund'] }, { keywords: ['refund', 'invoice'] }, false],
    ['a keyword only as part of a later word', { keywords: ['fund'] }, { keywords: ['refund'] }, false],
    ['a phrase the later keyword is part of', { keywords: ['refund request'] }, { keywords: ['refund'] }, false],
    ['keywords against a later rule without any', { keywords: ['refund'] }, { channels: ['email'] }, false],
    ['keywords against a later pattern', { keywords: ['refund'] }, { pattern: '\\brefund\\b' }, false],
    ['no keywords against a later rule with some', { channels: ['email'] }, { channels: ['email'], keywords: ['refund'] }, true],
    ['the identical pattern', { pattern: 'inv-\\d+' }, { pattern: 'inv-\\d+', channels: ['email'] }, true],
    ['a pattern that happens to be narrower', { pattern: 'inv-\\d+' }, { pattern: 'inv-\\d{4}' }, false],
    ['no pattern against a later pattern', { channels: ['email'] }, { channels: ['email'], pattern: 'x' }, true],
    ['an earlier rule without criteria (it never fires)', {}, { channels: ['email'] }, false],
    ['an earlier rule whose pattern does not compile (it never fires)', { pattern: '(' }, { pattern: '(' }, false],
  ])('%s → %s', (_, earlier, later, expected) => {
    expect(shadows(earlier, later)).toBe(expected);
  });

  it('explains what makes the earlier rule take every ticket', () => {
    const rules = [
      rule('refunds', 1, 'billing', { requesterDomains: ['acme.com'], keywords: ['refund'], priorities: ['low', 'normal', 'high', 'urgent'] }),
      rule('ana-refunds', 2, 'vip', { requesterEmails: ['ana@acme.com'], keywords: ['refund request'], channels: ['web'] }),
    ];
    expect(findRuleConflicts(rules)).toEqual({
      shadowed: [
        {
          rule: 'ana-refunds',
          by: 'refunds',
          explanation:
            'Rule "ANA-REFUNDS" (position 2) can never fire: rule "REFUNDS" (position 1) is tried first and takes every ticket ' +
            'it would ("REFUNDS" takes every priority; "ANA-REFUNDS"\'s requesters ana@acme.com are all at "REFUNDS"\'s domains ' +
            '(acme.com); each of "ANA-REFUNDS"\'s keywords ("refund request") contains one of "REFUNDS"\'s ("refund") as whole words).',
        },
      ],
      overlaps: [],
    });
  });

  it('goes by position, not list order, reports each shadowed rule once, by the first rule that takes it', () => {
    const rules = [
      rule('narrow', 3, 'g1', { channels: ['email'], priorities: ['urgent'] }),
      rule('middle', 2, 'g1', { channels: ['email'] }),
      rule('wide', 1, 'g2', { channels: ['email', 'chat'] }),
    ];
    expect(findRuleConflicts(rules).shadowed.map(({ rule, by }) => [rule, by])).toEqual([
      ['middle', 'wide'],
      ['narrow', 'wide'],
    ]);
  });

  it('keeps the given order between rules at the same position', () => {
    const [a, b] = [rule('a', 1, 'g1', { channels: ['email'] }), rule('b', 1, 'g2', { channels: ['email'] })];
    expect(findRuleConflicts([a, b]).shadowed.map(({ rule, by }) => [rule, by])).toEqual([['b', 'a']]);
    expect(findRuleConflicts([b, a]).shadowed.map(({ rule, by }) => [rule, by])).toEqual([['a', 'b']]);
  });
});

describe('findRuleConflicts: overlaps between rules routing to different groups', () => {
  /** 'certain', 'may' or 'none' for the pair (position 1 → g1, position 2 → g2). */
  function overlapOf(a: RoutingCriteria, b: RoutingCriteria, groups: [string, string] = ['g1', 'g2']): string {
    const { overlaps } = findRuleConflicts([rule('a', 1, groups[0], a), rule('b', 2, groups[1], b)]);
    if (overlaps.length === 0) return 'none';
    expect(overlaps).toEqual([{ first: 'a', second: 'b', explanation: expect.any(String) }]);
    return overlaps[0].explanation.includes('may overlap') ? 'may' : 'certain';
  }

  it.each<[string, RoutingCriteria, RoutingCriteria, string]>([
    ['different criteria', { channels: ['email'] }, { priorities: ['urgent'] }, 'certain'],
    ['intersecting channels', { channels: ['email', 'chat'] }, { channels: ['chat', 'web'], priorities: ['low'] }, 'certain'],
    ['disjoint channels', { channels: ['email'] }, { channels: ['chat'] }, 'none'],
    ['disjoint priorities', { priorities: ['low'] }, { priorities: ['urgent'] }, 'none'],
    ['disjoint types', { ticketTypes: ['incident'] }, { ticketTypes: ['task'] }, 'none'],
    ['intersecting types', { ticketTypes: ['incident', 'problem'] }, { ticketTypes: ['problem', 'task'] }, 'certain'],
    ['disjoint organizations', { organizationIds: ['a'] }, { organizationIds: ['b'] }, 'none'],
    ['disjoint tiers', { customerTiers: ['vip'] }, { customerTiers: ['gold'] }, 'none'],
    ['disjoint values of a field', { fields: { product: ['X'] } }, { fields: { product: ['Y'] } }, 'none'],
    ['different fields', { fields: { product: ['X'] } }, { fields: { category: ['c'] } }, 'certain'],
    ['a requester at the other rule’s domain', { requesterEmails: ['ana@acme.com'] }, { requesterDomains: ['acme.com'] }, 'certain'],
    ['a requester at another domain', { requesterEmails: ['ana@acme.com'] }, { requesterDomains: ['globex.com'] }, 'none'],
    ['disjoint requesters', { requesterEmails: ['ana@acme.com'] }, { requesterEmails: ['bo@acme.com'] }, 'none'],
    ['disjoint domains', { requesterDomains: ['acme.com'] }, { requesterDomains: ['globex.com'] }, 'none'],
    ['business and after hours on one calendar', { arrival: 'business_hours', calendarId: 'office' }, { arrival: 'after_hours', calendarId: 'office' }, 'none'],
    ['arrivals on two calendars', { arrival: 'business_hours', calendarId: 'office' }, { arrival: 'after_hours', calendarId: 'eu' }, 'may'],
    ['keywords on both sides (a text can mention both)', { keywords: ['refund'] }, { keywords: ['login'] }, 'certain'],
    ['a pattern', { channels: ['email'] }, { pattern: '^\\d+$' }, 'may'],
    ['keywords and a pattern', { keywords: ['refund'] }, { pattern: 'x' }, 'may'],
    ['keywords but disjoint channels', { keywords: ['refund'], channels: ['email'] }, { keywords: ['refund'], channels: ['chat'] }, 'none'],
  ])('%s → %s', (_, a, b, expected) => {
    expect(overlapOf(a, b)).toBe(expected);
  });

  it('ignores rules routing to the same group', () => {
    expect(overlapOf({ channels: ['email'] }, { priorities: ['urgent'] }, ['g', 'g'])).toBe('none');
  });

  it('explains the ticket both rules take and who wins, and says when that is uncertain', () => {
    const rules = [
      rule('email', 1, 'billing', { channels: ['email', 'chat'], requesterDomains: ['acme.com'] }),
      rule('vip', 2, 'vip-desk', { channels: ['chat', 'web'], requesterEmails: ['ana@acme.com'], keywords: ['outage'] }),
      rule('invoices', 3, 'finance', { pattern: 'inv-\\d+', arrival: 'after_hours', calendarId: 'office' }),
    ];
    expect(findRuleConflicts(rules)).toEqual({
      shadowed: [],
      overlaps: [
        {
          first: 'email',
          second: 'vip',
          explanation:
            'Rules "EMAIL" (position 1) → group billing and "VIP" (position 2) → group vip-desk overlap: a ticket with ' +
            'channel chat, requester ana@acme.com, whose text mentions one of "VIP"\'s keywords ("outage") matches both and ' +
            'goes to group billing, because "EMAIL" is tried first.',
        },
        {
          first: 'email',
          second: 'invoices',
          explanation:
            'Rules "EMAIL" (position 1) → group billing and "INVOICES" (position 3) → group finance may overlap: a ticket ' +
            'with channel email or chat, requester domain acme.com, arrival after hours on calendar office, whose text ' +
            'matches "INVOICES"\'s pattern /inv-\\d+/ would match both and go to group billing, because "EMAIL" is tried ' +
            'first. Not certain: patterns are not analysed, so whether such a text exists is not known.',
        },
        {
          first: 'vip',
          second: 'invoices',
          explanation:
            'Rules "VIP" (position 2) → group vip-desk and "INVOICES" (position 3) → group finance may overlap: a ticket ' +
            'with channel chat or web, requester ana@acme.com, arrival after hours on calendar office, whose text mentions ' +
            'one of "VIP"\'s keywords ("outage") and matches "INVOICES"\'s pattern /inv-\\d+/ would match both and go to ' +
            'group vip-desk, because "VIP" is tried first. Not certain: patterns are not analysed, so whether such a text ' +
            'exists is not known.',
        },
      ],
    });
  });

  it('leaves out pairs with a rule that can never fire: shadowed, without criteria, or with a broken pattern', () => {
    const rules = [
      rule('wide', 1, 'g1', { channels: ['email', 'chat'] }),
      rule('shadowed', 2, 'g2', { channels: ['email'] }),
      rule('empty', 3, 'g3', {}),
      rule('broken', 4, 'g4', { pattern: '(' }),
      rule('other', 5, 'g5', { priorities: ['urgent'] }),
    ];
    const { shadowed, overlaps } = findRuleConflicts(rules);
    expect(shadowed.map((s) => s.rule)).toEqual(['shadowed']);
    expect(overlaps.map(({ first, second }) => [first, second])).toEqual([['wide', 'other']]);
  });

  it('finds nothing in no rules or one', () => {
    expect(findRuleConflicts([])).toEqual({ shadowed: [], overlaps: [] });
    expect(findRuleConflicts([rule('a', 0, 'g', { channels: ['email'] })])).toEqual({ shadowed: [], overlaps: [] });
  });
});
