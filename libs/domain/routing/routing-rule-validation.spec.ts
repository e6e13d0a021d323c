import type { RoutingRule } from './routing-rule.js';
import { NO_CRITERIA, validateRoutingRule } from './routing-rule-validation.js';

type Draft = Omit<RoutingRule, 'id'>;

const known = { groupIds: new Set(['billing', 'tech']), calendarIds: new Set(['office']) };

const valid: Draft = {
  name: 'Billing refunds',
  position: 0,
  criteria: {
    channels: ['email', 'web'],
    requesterEmails: ['ana@acme.com', 'o.brien+help@sub.acme.co.uk'],
    requesterDomains: ['acme.com', 'xn--mnchen-3ya.de'],
    organizationIds: ['org-acme'],
    customerTiers: ['vip'],
    priorities: ['high', 'urgent'],
    fields: { product: ['Widget'], category: [] },
    keywords: ['refund', 'charged twice', 'x'.repeat(100)],
    pattern: 'inv-\\d{4,}',
    arrival: 'after_hours',
    calendarId: 'office',
  },
  result: { groupId: 'billing', requiredSkills: [{ skill: 'billing', minLevel: 5 }], priorityAdjustment: -3, tags: ['refund'] },
};

// Lets a test set fields to what a typed caller could not, as JSON from an admin UI can.
const draft = (changes: Record<string, unknown>): Draft => ({ ...valid, ...changes }) as Draft;
const withCriteria = (criteria: Record<string, unknown>): Draft => draft({ criteria });
const withResult = (changes: Record<string, unknown>): Draft => draft({ result: { ...valid.result, ...changes } });

describe('validateRoutingRule', () => {
  it('accepts a valid rule', () => {
    expect(validateRoutingRule(valid, known)).toEqual([]);
    expect(validateRoutingRule(withCriteria({ keywords: ['refund'] }), known)).toEqual([]);
    expect(validateRoutingRule(withCriteria({ keywords: Array.from({ length: 50 }, (_, i) => `k${i}`) }), known)).toEqual([]);
    expect(validateRoutingRule(withResult({ requiredSkills: [], priorityAdjustment: 3, tags: [] }), known)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no criteria', {}, [NO_CRITERIA]],
    ['only empty criteria', { channels: [], keywords: [], pattern: '', fields: { product: [] } }, [NO_CRITERIA]],
    ['only a calendar', { calendarId: 'office' }, [
      'Criteria: calendarId only applies together with arrival (business_hours or after_hours); set arrival or remove it.',
      NO_CRITERIA,
    ]],
    ['an unknown criterion', { brand: ['x'], channels: ['email'] }, [
      'Criteria: "brand" is not a criterion; use channels, requesterEmails, requesterDomains, organizationIds, customerTiers, priorities, ticketTypes, fields, keywords, pattern, arrival, calendarId.',
    ]],
    ['an unknown channel and priority', { channels: ['fax'], priorities: ['critical'] }, [
      'Criteria: "fax" is not one of the channels; use email, web, chat, phone, api, social.',
      'Criteria: "critical" is not one of the priorities; use low, normal, high, urgent.',
    ]],
    ['an unknown ticket type', { ticketTypes: ['outage'] }, [
      'Criteria: "outage" is not one of the ticketTypes; use question, incident, problem, service_request, task.',
    ]],
    ['a criterion that is not a list', { organizationIds: 'org-acme' }, ['Criteria: organizationIds must be a list of non-empty strings.']],
    ['a blank tier', { customerTiers: ['vip', ' '] }, ['Criteria: customerTiers must be a list of non-empty strings.']],
    ['an email in capitals', { requesterEmails: ['Ana@Acme.com'] }, [
      'Criteria: requester email "Ana@Acme.com" must be written in lowercase ("ana@acme.com").',
    ]],
    ['malformed emails', { requesterEmails: ['ana', 'ana@', '@acme.com', 'ana@acme', 'a na@acme.com', 'ana@acme..com'] }, [
      'Criteria: "ana" is not an email address like ana@example.com.',
      'Criteria: "ana@" is not an email address like ana@example.com.',
      'Criteria: "@acme.com" is not an email address like ana@example.com.',
      'Criteria: "ana@acme" is not an email address like ana@example.com.',
      'Criteria: "a na@acme.com" is not an email address like ana@example.com.',
      'Criteria: "ana@acme..com" is not an email address like ana@example.com.',
    ]],
    ['a domain with an "@"', { requesterDomains: ['@Acme.com'] }, [
      'Criteria: requester domain "@Acme.com" must be written without the "@" ("acme.com").',
    ]],
    ['a domain in capitals', { requesterDomains: ['ACME.com'] }, [
      'Criteria: requester domain "ACME.com" must be written in lowercase ("acme.com").',
    ]],
    ['malformed domains', { requesterDomains: ['acme', 'acme.c', '-acme.com', 'acme-.com', 'https://acme.com', 'acme.com.', 'ac me.com'] }, [
      'Criteria: "acme" is not a domain name like example.com.',
      'Criteria: "acme.c" is not a domain name like example.com.',
      'Criteria: "-acme.com" is not a domain name like example.com.',
      'Criteria: "acme-.com" is not a domain name like example.com.',
      'Criteria: "https://acme.com" is not a domain name like example.com.',
      'Criteria: "acme.com." is not a domain name like example.com.',
      'Criteria: "ac me.com" is not a domain name like example.com.',
    ]],
    ['fields that are not an object', { fields: ['product'] }, [
      'Criteria: fields must be an object of allowed values by form field, e.g. { product: ["X"] }.',
    ]],
    ['a field whose values are not a list', { fields: { product: 'Widget' } }, [
      'Criteria: fields.product must be a list of non-empty strings.',
    ]],
    ['a blank field name', { fields: { ' ': ['x'] } }, ['Criteria: a form field name must not be empty.']],
    ['keywords that are not a list', { keywords: 'refund' }, ['Criteria: keywords must be a list of words or phrases.']],
    ['empty keywords', { keywords: ['refund', '', '  ', 7] }, [
      'Criteria: keyword 2 is empty; a keyword is a word or phrase.',
      'Criteria: keyword 3 is empty; a keyword is a word or phrase.',
      'Criteria: keyword 4 is empty; a keyword is a word or phrase.',
    ]],
    ['a keyword over 100 characters', { keywords: [` ${'y'.repeat(101)} `] }, [
      `Criteria: keyword "${'y'.repeat(30)}…" is 101 characters long; at most 100 are allowed.`,
    ]],
    ['51 keywords', { keywords: Array.from({ length: 51 }, (_, i) => `k${i}`) }, [
      'Criteria: a rule can have at most 50 keywords; this one has 51.',
    ]],
    ['a malformed pattern', { pattern: '(refund' }, [
      'Criteria: the pattern is not a valid regular expression: Invalid regular expression: /(refund/i: Unterminated group.',
    ]],
    ['another malformed pattern', { pattern: 'a**' }, [
      'Criteria: the pattern is not a valid regular expression: Invalid regular expression: /a**/i: Nothing to repeat.',
    ]],
    ['a nested repeat', { pattern: '^(\\w+\\s?)*$' }, [
      'Criteria: the pattern repeats a group that itself repeats ("(\\w+\\s?)*"), which can take exponential time on some texts and stall routing; rewrite it without the nested repeat, e.g. (a+)+ as a+.',
    ]],
    ['a pattern that is not a string', { pattern: /refund/ }, ['Criteria: pattern must be a regular expression, written as a string.']],
    ['a pattern over 1000 characters', { pattern: 'a'.repeat(1001) }, [
      'Criteria: the pattern is 1001 characters long; at most 1000 are allowed.',
    ]],
    ['arrival without a calendar', { arrival: 'business_hours' }, [
      'Criteria: arrival business_hours needs a calendarId, the business calendar whose working hours it is judged by.',
    ]],
    ['arrival on an unknown calendar', { arrival: 'after_hours', calendarId: 'night-shift' }, [
      'Criteria: calendar "night-shift" does not exist.',
    ]],
    ['an unknown arrival', { arrival: 'weekends', calendarId: 'office' }, [
      'Criteria: arrival must be business_hours or after_hours; got "weekends".',
    ]],
  ])('refuses criteria with %s', (_, criteria, problems) => {
    expect(validateRoutingRule(withCriteria(criteria), known)).toEqual(problems);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['blank name', { name: ' ' }, ['The rule needs a name.']],
    ['missing name', { name: undefined }, ['The rule needs a name.']],
    ['negative position', { position: -1 }, ['Position must be a whole number, 0 or more (rules are tried lowest first); got -1.']],
    ['fractional position', { position: 0.5 }, ['Position must be a whole number, 0 or more (rules are tried lowest first); got 0.5.']],
    ['criteria that are not an object', { criteria: null }, ['Criteria must be an object, e.g. { channels: ["email"] }.']],
    ['no result', { result: undefined }, ['The result must be { groupId, requiredSkills, priorityAdjustment, tags }.']],
  ])('refuses a rule with %s', (_, changes, problems) => {
    expect(validateRoutingRule(draft(changes), known)).toEqual(problems);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown group, named', { groupId: 'sales' }, ['Group "sales" does not exist.']],
    ['no group', { groupId: '' }, ['The rule must route to a group: set result.groupId.']],
    ['a skill level of 0 and of 6', { requiredSkills: [{ skill: 'sso', minLevel: 0 }, { skill: 'de', minLevel: 6 }] }, [
      'Required skill "sso": minLevel must be a whole number from 1 to 5; got 0.',
      'Required skill "de": minLevel must be a whole number from 1 to 5; got 6.',
    ]],
    ['a fractional or missing skill level', { requiredSkills: [{ skill: 'sso', minLevel: 2.5 }, { skill: 'de' }] }, [
      'Required skill "sso": minLevel must be a whole number from 1 to 5; got 2.5.',
      'Required skill "de": minLevel must be a whole number from 1 to 5; got nothing.',
    ]],
    ['a skill without a name', { requiredSkills: [{ skill: ' ', minLevel: 2 }, 'sso'] }, [
      'Required skill 1 must be { skill, minLevel } with a skill name.',
      'Required skill 2 must be { skill, minLevel } with a skill name.',
    ]],
    ['a skill listed twice', { requiredSkills: [{ skill: 'sso', minLevel: 2 }, { skill: 'sso', minLevel: 3 }] }, [
      'Required skill "sso" is listed more than once.',
    ]],
    ['skills that are not a list', { requiredSkills: undefined }, ['Required skills must be a list of { skill, minLevel }, or [] for none.']],
    ['a priority adjustment of 4', { priorityAdjustment: 4 }, [
      "The priority adjustment must be a whole number of steps from -3 to 3 (0 keeps the ticket's priority); got 4.",
    ]],
    ['a priority adjustment of -4', { priorityAdjustment: -4 }, [
      "The priority adjustment must be a whole number of steps from -3 to 3 (0 keeps the ticket's priority); got -4.",
    ]],
    ['a fractional priority adjustment', { priorityAdjustment: 1.5 }, [
      "The priority adjustment must be a whole number of steps from -3 to 3 (0 keeps the ticket's priority); got 1.5.",
    ]],
    ['blank tags', { tags: ['refund', ''] }, ['Tags must be a list of non-empty strings, or [] for none.']],
  ])('refuses a result with %s', (_, changes, problems) => {
    expect(validateRoutingRule(withResult(changes), known)).toEqual(problems);
  });

  it('reports every problem at once', () => {
    const rule = draft({ name: '', criteria: { pattern: '[' }, result: { ...valid.result, groupId: 'sales', priorityAdjustment: 9 } });
    expect(validateRoutingRule(rule, known)).toHaveLength(4);
  });
});
