import type { BusinessCalendar } from '../calendar/index.js';
import { compileRoutingRules, routeTicket, type RoutingDecision } from './evaluate-routing.js';
import type { RoutableTicket, RoutingCriteria, RoutingResult, RoutingRule } from './routing-rule.js';

const office: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [{ date: '2026-01-20', name: 'Closed' }],
};
const calendars = { office };

const MONDAY_10 = Date.parse('2026-01-19T10:00:00+01:00');
const MONDAY_18 = Date.parse('2026-01-19T18:00:00+01:00');
const HOLIDAY_10 = Date.parse('2026-01-20T10:00:00+01:00');
const SATURDAY_10 = Date.parse('2026-01-17T10:00:00+01:00');

const ticket: RoutableTicket = {
  channel: 'email',
  requesterEmail: 'Ana.Lopez@Acme.com',
  organizationId: 'org-acme',
  customerTier: 'vip',
  priority: 'normal',
  subject: 'Refund request for invoice INV-2041',
  description: 'Hello,\nI was charged twice for\tmy   subscription. Can you reset the billing cycle?\nThanks',
  fields: { product: 'Widget', category: 'billing' },
  arrivedAt: MONDAY_10,
};

const result = (groupId: string, changes: Partial<RoutingResult> = {}): RoutingResult => ({
  groupId,
  requiredSkills: [],
  priorityAdjustment: 0,
  tags: [],
  ...changes,
});

let nextId = 0;
function rule(name: string, criteria: RoutingCriteria, changes: Partial<Omit<RoutingRule, 'criteria'>> = {}): RoutingRule {
  return { id: `rule-${++nextId}`, name, position: 0, criteria, result: result(`group-${name}`), ...changes };
}

/** The reasons when the single rule matches, or null when it does not. */
function reasonsFor(criteria: RoutingCriteria, t: Partial<RoutableTicket> = {}): string[] | null {
  const decision = routeTicket([rule('R', criteria)], { ...ticket, ...t }, calendars);
  return decision.matched ? decision.reasons : null;
}

describe('routeTicket: each criterion', () => {
  it.each<[string, RoutingCriteria, Partial<RoutableTicket>, string[] | null]>([
    ['a channel among several (OR)', { channels: ['chat', 'email'] }, {}, ['channel email']],
    ['a wrong channel', { channels: ['chat'] }, {}, null],
    ['a requester email, compared lowercased', { requesterEmails: ['ana.lopez@acme.com'] }, {}, ['requester ana.lopez@acme.com']],
    ['a requester email with stray spaces and capitals in the rule', { requesterEmails: [' ANA.LOPEZ@acme.com '] }, {}, ['requester ana.lopez@acme.com']],
    ['another requester', { requesterEmails: ['bo@acme.com'] }, {}, null],
    ['a requester domain, compared lowercased', { requesterDomains: ['acme.com'] }, {}, ['requester domain acme.com']],
    ['a parent domain does not take a subdomain', { requesterDomains: ['acme.com'] }, { requesterEmail: 'x@eu.acme.com' }, null],
    ['a subdomain does not take the parent domain', { requesterDomains: ['eu.acme.com'] }, {}, null],
    ['a requester with no domain', { requesterDomains: ['acme.com'] }, { requesterEmail: 'acme.com' }, null],
    ['an organization', { organizationIds: ['org-acme'] }, {}, ['organization org-acme']],
    ['no organization', { organizationIds: ['org-acme'] }, { organizationId: null }, null],
    ['a customer tier', { customerTiers: ['gold', 'vip'] }, {}, ['customer tier vip']],
    ['no customer tier', { customerTiers: ['vip'] }, { customerTier: null }, null],
    ['a priority', { priorities: ['normal', 'high'] }, {}, ['priority normal']],
    ['a wrong priority', { priorities: ['urgent'] }, {}, null],
    ['a ticket type', { ticketTypes: ['incident', 'problem'] }, { type: 'incident' }, ['type incident']],
    ['another ticket type', { ticketTypes: ['incident'] }, { type: 'task' }, null],
    ['no type reads as the channel default (question)', { ticketTypes: ['question'] }, {}, ['type question']],
    ['a form field', { fields: { product: ['Gadget', 'Widget'] } }, {}, ['field product = Widget']],
    ['two form fields (AND)', { fields: { product: ['Widget'], category: ['billing'] } }, {}, ['field product = Widget', 'field category = billing']],
    ['a form field with another value', { fields: { product: ['Gadget'] } }, {}, null],
    ['form field values are exact (case-sensitive)', { fields: { product: ['widget'] } }, {}, null],
    ['a form field the ticket lacks', { fields: { region: ['EU'] } }, {}, null],
    ['a form field named like an Object property', { fields: { constructor: ['Object'] } }, {}, null],
    ['a form field listed without values is no criterion', { fields: { product: [] }, channels: ['email'] }, {}, ['channel email']],
  ])('%s', (_, criteria, t, expected) => {
    expect(reasonsFor(criteria, t)).toEqual(expected);
  });
});

describe('routeTicket: keywords', () => {
  it.each<[string, string[], Partial<RoutableTicket>, string | null]>([
    ['a word in the subject, any case', ['REFUND'], {}, 'keyword "refund" in the subject'],
    ['a word in the description', ['subscription'], {}, 'keyword "subscription" in the description'],
    ['one of several (OR), the subject told first', ['billing', 'invoice'], {}, 'keyword "invoice" in the subject'],
    ['a phrase across a tab and a run of spaces', ['for my subscription'], {}, 'keyword "for my subscription" in the description'],
    ['a phrase written with extra spaces', ['  reset   the  billing '], {}, 'keyword "reset the billing" in the description'],
    ['a phrase across a line break', ['twice for'], {}, 'keyword "twice for" in the description'],
    ['not part of a longer word', ['fund', 'charge', 'subscript'], {}, null],
    ['digits are word characters', ['inv-20'], {}, null],
    ['a code with punctuation', ['inv-2041'], {}, 'keyword "inv-2041" in the subject'],
    ['a phrase never spans subject and description', ['inv-2041 hello'], {}, null],
    ['a keyword ending in punctuation', ['c++'], { subject: 'Help with C++ builds' }, 'keyword "c++" in the subject'],
    ['…still needs a boundary where it starts with a letter', ['c++'], { subject: 'abc++ builds' }, null],
    ['a keyword starting with punctuation', ['.net'], { subject: 'Our ASP.NET site is down' }, 'keyword ".net" in the subject'],
    ['letters of other scripts are word characters', ['café'], { subject: 'Le cafés sont fermés' }, null],
    ['…and match whole', ['café'], { subject: 'Le CAFÉ est fermé' }, 'keyword "café" in the subject'],
    ['a combining accent belongs to its word', ['cafe'], { subject: 'Le cafe\u0301 est fermé' }, null],
    ['Cyrillic, any case', ['счёт'], { description: 'Где мой СЧЁТ?' }, 'keyword "счёт" in the description'],
  ])('%s', (_, keywords, t, expected) => {
    const reasons = reasonsFor({ keywords, channels: ['email'] }, t);
    expect(reasons && reasons[1]).toBe(expected);
  });

  it('takes empty keywords for no criterion', () => {
    expect(reasonsFor({ keywords: ['', '  '], channels: ['email'] })).toEqual(['channel email']);
  });
});

describe('routeTicket: pattern', () => {
  it.each<[string, string, Partial<RoutableTicket>, string | null]>([
    ['case-insensitive', 'inv-\\d{4}', {}, 'pattern /inv-\\d{4}/ matched "INV-2041"'],
    ['over subject and description joined by a line break', 'INV-2041\\nHello', {}, 'pattern /INV-2041\\nHello/ matched "INV-2041 Hello"'],
    ['^ is the start of the subject', '^refund', {}, 'pattern /^refund/ matched "Refund"'],
    ['no m flag: ^ is not the start of the description', '^hello', {}, null],
    ['a pattern that does not occur', 'order #\\d+', {}, null],
    ['a match of nothing', 'x*', {}, 'pattern /x*/ matched'],
    [
      'a long match is cut short in the reason',
      'charged[\\s\\S]*thanks',
      {},
      'pattern /charged[\\s\\S]*thanks/ matched "charged twice for my subscription. Can you reset the billing…"',
    ],
  ])('%s', (_, pattern, t, expected) => {
    const reasons = reasonsFor({ pattern }, t);
    expect(reasons && reasons[0]).toBe(expected);
  });

  it('checks the literal part of a pattern without missing a match in an odd case or spacing', () => {
    expect(reasonsFor({ pattern: 'ReSeT THE\\s+billing' }, { description: 'please RESET the \n BILLING' })).not.toBeNull();
    expect(reasonsFor({ pattern: 'résumé' }, { subject: 'RÉSUMÉ attached' })).not.toBeNull();
  });
});

describe('routeTicket: arrival against a business calendar', () => {
  it.each<[string, RoutingCriteria['arrival'], number, string | null]>([
    ['business hours on a Monday morning', 'business_hours', MONDAY_10, 'arrived during business hours (calendar office)'],
    ['not business hours on a Monday evening', 'business_hours', MONDAY_18, null],
    ['after hours on a Monday evening', 'after_hours', MONDAY_18, 'arrived after hours (calendar office)'],
    ['after hours on a Saturday', 'after_hours', SATURDAY_10, 'arrived after hours (calendar office)'],
    ['after hours on a holiday morning', 'after_hours', HOLIDAY_10, 'arrived after hours (calendar office)'],
    ['not after hours on a Monday morning', 'after_hours', MONDAY_10, null],
  ])('%s', (_, arrival, arrivedAt, expected) => {
    const reasons = reasonsFor({ arrival, calendarId: 'office' }, { arrivedAt });
    expect(reasons && reasons[0]).toBe(expected);
  });

  it('does not match when the calendar is unknown or invalid, and says so when nothing else matches', () => {
    const rules = [rule('Night', { arrival: 'after_hours', calendarId: 'night' }), rule('Broken', { arrival: 'business_hours', calendarId: 'broken' })];
    const broken: BusinessCalendar = { timeZone: 'Mars/Olympus', intervals: office.intervals, holidays: [] };
    expect(routeTicket(rules, ticket, { office, broken })).toEqual({
      matched: false,
      reason:
        'No routing rule matched (2 rules tried); the ticket goes to the fallback queue. ' +
        'Rule "Night" could not check the arrival time: calendar "night" is unknown. ' +
        'Rule "Broken" could not check the arrival time: calendar "broken" cannot be used ' +
        '(Invalid business calendar: Unknown time zone "Mars/Olympus".).',
    });
  });

  it('does not read a calendar named like an Object property', () => {
    const decision = routeTicket([rule('Proto', { arrival: 'after_hours', calendarId: 'toString' })], ticket, calendars);
    expect(decision).toMatchObject({ matched: false, reason: expect.stringContaining('calendar "toString" is unknown') });
  });
});

describe('routeTicket: criteria together', () => {
  it('needs every criterion (AND) and tells each, in a fixed order', () => {
    const criteria: RoutingCriteria = {
      pattern: 'inv-\\d+',
      keywords: ['refund'],
      arrival: 'business_hours',
      calendarId: 'office',
      fields: { product: ['Widget'] },
      requesterDomains: ['acme.com'],
      requesterEmails: ['ana.lopez@acme.com'],
      customerTiers: ['vip'],
      organizationIds: ['org-acme'],
      priorities: ['normal'],
      channels: ['email'],
    };
    expect(reasonsFor(criteria)).toEqual([
      'channel email',
      'priority normal',
      'organization org-acme',
      'customer tier vip',
      'requester ana.lopez@acme.com',
      'requester domain acme.com',
      'field product = Widget',
      'arrived during business hours (calendar office)',
      'keyword "refund" in the subject',
      'pattern /inv-\\d+/ matched "INV-2041"',
    ]);
    for (const failing of [{ channels: ['chat'] }, { keywords: ['outage'] }, { arrival: 'after_hours' }] as RoutingCriteria[]) {
      expect(reasonsFor({ ...criteria, ...failing })).toBeNull();
    }
  });
});

describe('routeTicket: order, result and fallback', () => {
  const billing = rule('Billing', { keywords: ['refund'] }, { position: 2, result: result('billing', { tags: ['refund'] }) });
  const vip = rule('VIP', { customerTiers: ['vip'] }, { position: 1, result: result('vip-desk') });
  const chat = rule('Chat', { channels: ['chat'] }, { position: 0, result: result('chat') });

  it('tries rules by ascending position, whatever the list order; the first match wins', () => {
    const rules = [billing, vip, chat];
    expect(routeTicket(rules, ticket, calendars)).toMatchObject({ matched: true, rule: vip, groupId: 'vip-desk' });
    expect(routeTicket(rules, { ...ticket, customerTier: null }, calendars)).toMatchObject({ rule: billing, tags: ['refund'] });
    expect(rules).toEqual([billing, vip, chat]);
    expect(compileRoutingRules(rules).rules).toEqual([chat, vip, billing]);
  });

  it('keeps the given order between rules at the same position', () => {
    const first = rule('First', { channels: ['email'] }, { position: 5 });
    const second = rule('Second', { channels: ['email'] }, { position: 5 });
    expect(routeTicket([first, second], ticket, calendars)).toMatchObject({ rule: first });
    expect(routeTicket([second, first], ticket, calendars)).toMatchObject({ rule: second });
  });

  it('returns the result with the adjusted priority, copied so the rule cannot be changed through it', () => {
    const skills = [{ skill: 'billing', minLevel: 3 }];
    const r = rule('Up', { channels: ['email'] }, { result: result('g', { priorityAdjustment: 2, requiredSkills: skills, tags: ['t'] }) });
    const decision = routeTicket([r], ticket, calendars) as Extract<RoutingDecision, { matched: true }>;
    expect(decision).toEqual({
      matched: true,
      rule: r,
      reasons: ['channel email'],
      groupId: 'g',
      requiredSkills: [{ skill: 'billing', minLevel: 3 }],
      priority: 'urgent',
      tags: ['t'],
    });
    decision.requiredSkills[0].minLevel = 5;
    decision.tags.push('x');
    expect(r.result).toEqual(result('g', { priorityAdjustment: 2, requiredSkills: [{ skill: 'billing', minLevel: 3 }], tags: ['t'] }));
  });

  it.each<[RoutableTicket['priority'], number, RoutableTicket['priority']]>([
    ['low', 3, 'urgent'],
    ['normal', 3, 'urgent'],
    ['urgent', 1, 'urgent'],
    ['high', -1, 'normal'],
    ['normal', -3, 'low'],
    ['low', -1, 'low'],
    ['high', 0, 'high'],
  ])('adjusts %s by %i to %s, clamped to the priority list', (priority, priorityAdjustment, expected) => {
    const r = rule('Adjust', { channels: ['email'] }, { result: result('g', { priorityAdjustment }) });
    expect(routeTicket([r], { ...ticket, priority }, calendars)).toMatchObject({ priority: expected });
  });

  it('falls back when nothing matches, or when there are no rules', () => {
    expect(routeTicket([chat], ticket, calendars)).toEqual({
      matched: false,
      reason: 'No routing rule matched (1 rule tried); the ticket goes to the fallback queue.',
    });
    expect(routeTicket([], ticket, calendars)).toEqual({
      matched: false,
      reason: 'There are no routing rules; the ticket goes to the fallback queue.',
    });
  });

  it('never matches a rule without criteria or with a pattern that does not compile, and says why', () => {
    const rules = [
      rule('Catch-all', {}),
      rule('Blank', { channels: [], keywords: [' '], pattern: '' }),
      rule('Broken pattern', { pattern: '(refund', channels: ['email'] }),
      chat,
    ];
    const compiled = compileRoutingRules(rules);
    expect(compiled.problems).toEqual([
      'Rule "Catch-all" never matches: it has no criteria.',
      'Rule "Blank" never matches: it has no criteria.',
      'Rule "Broken pattern" never matches: its pattern does not compile (Invalid regular expression: /(refund/i: Unterminated group).',
    ]);
    const decision = compiled.route(ticket, calendars);
    expect(decision.matched).toBe(false);
    expect(!decision.matched && decision.reason).toBe(
      ['No routing rule matched (4 rules tried); the ticket goes to the fallback queue.', ...compiled.problems].join(' '),
    );
  });

  it('routes many tickets with one compiled rule set', () => {
    const compiled = compileRoutingRules([billing, vip, chat]);
    const routed = (['chat', 'email', 'web'] as const).map((channel) => compiled.route({ ...ticket, channel, customerTier: null }, calendars));
    expect(routed.map((d) => d.matched && d.groupId)).toEqual(['chat', 'billing', 'billing']);
  });
});
