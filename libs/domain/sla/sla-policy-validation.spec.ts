import { DEFAULT_PAUSE_WHILE, DEFAULT_WARNING_THRESHOLDS, type SlaPolicy } from './sla-policy.js';
import { validateSlaPolicy } from './sla-policy-validation.js';

type Draft = Omit<SlaPolicy, 'id'>;

const valid: Draft = {
  name: 'Standard',
  position: 0,
  conditions: { priorities: [], tags: ['vip'] },
  targets: {
    urgent: { first_reply: { minutes: 60, businessHours: false }, resolution: { minutes: 240, businessHours: true } },
    low: { next_reply: { minutes: 525_600, businessHours: true } },
  },
  pauseWhile: DEFAULT_PAUSE_WHILE,
  warningThresholds: DEFAULT_WARNING_THRESHOLDS,
  calendarId: 'cal-office',
  escalationPolicyId: null,
};

// Lets a test set fields to what a typed caller could not, as JSON from an admin UI can.
const draft = (changes: Record<string, unknown>): Draft => ({ ...valid, ...changes }) as Draft;

describe('validateSlaPolicy', () => {
  it('accepts a valid policy, empty conditions included', () => {
    expect(validateSlaPolicy(valid)).toEqual([]);
    expect(validateSlaPolicy(draft({ conditions: {}, pauseWhile: {}, warningThresholds: [], calendarId: null }))).toEqual([]);
    expect(validateSlaPolicy(draft({ warningThresholds: [1, 2, 3, 50, 99] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['blank name', { name: '  ' }, ['The policy needs a name.']],
    ['negative position', { position: -1 }, ['Position must be a whole number, 0 or more (policies are tried lowest first); got -1.']],
    ['fractional position', { position: 1.5 }, ['Position must be a whole number, 0 or more (policies are tried lowest first); got 1.5.']],
    [
      'no targets',
      { targets: { urgent: {} } },
      ['The policy has no targets: set at least one, e.g. a first_reply time for urgent tickets.'],
    ],
    [
      'zero minutes',
      { targets: { high: { resolution: { minutes: 0, businessHours: true } } } },
      ['The high resolution target must be a whole number of minutes from 1 to 525600 (one year); got 0.'],
    ],
    [
      'more than a year',
      { targets: { high: { resolution: { minutes: 525_601, businessHours: true } } } },
      ['The high resolution target must be a whole number of minutes from 1 to 525600 (one year); got 525601.'],
    ],
    [
      'fractional minutes, businessHours missing',
      { targets: { high: { first_reply: { minutes: 2.5 } } } },
      [
        'The high first_reply target must be a whole number of minutes from 1 to 525600 (one year); got 2.5.',
        'The high first_reply target must say whether it counts business hours (businessHours: true) or calendar time (false).',
      ],
    ],
    [
      'unknown priority and metric',
      { targets: { critical: {}, urgent: { first_response: { minutes: 5, businessHours: true } } } },
      [
        'Targets: "critical" is not a priority; use low, normal, high, urgent.',
        'Targets for urgent: "first_response" is not an SLA metric; use first_reply, next_reply, resolution.',
        'The policy has no targets: set at least one, e.g. a first_reply time for urgent tickets.',
      ],
    ],
    [
      'threshold of 100 and of 0',
      { warningThresholds: [0, 100] },
      [
        'Warning threshold 0 must be a whole percent from 1 to 99 (100 % is the breach itself).',
        'Warning threshold 100 must be a whole percent from 1 to 99 (100 % is the breach itself).',
      ],
    ],
    [
      'descending thresholds',
      { warningThresholds: [90, 75] },
      ['Warning thresholds must be strictly ascending, without repeats (e.g. 75, 90); got 90, 75.'],
    ],
    [
      'repeated threshold',
      { warningThresholds: [75, 75] },
      ['Warning thresholds must be strictly ascending, without repeats (e.g. 75, 90); got 75, 75.'],
    ],
    ['six thresholds', { warningThresholds: [10, 20, 30, 40, 50, 60] }, ['At most 5 warning thresholds are allowed; got 6.']],
    [
      'pause while open',
      { pauseWhile: { first_reply: ['pending', 'open'] } },
      [
        'Pause rules for first_reply: pausing while open makes no sense: while open, the ticket is waiting on the team, which is exactly the time the SLA measures. Only pending and on_hold can pause a clock.',
      ],
    ],
    [
      'pause while solved',
      { pauseWhile: { resolution: ['solved'] } },
      [
        'Pause rules for resolution: pausing while solved makes no sense: every clock already stops when a ticket is solved. Only pending and on_hold can pause a clock.',
      ],
    ],
    [
      'pause on an unknown status and metric',
      { pauseWhile: { resolution: ['waiting'], response: ['pending'] } },
      [
        'Pause rules for resolution: "waiting" is not a ticket status; a clock can pause while pending or on_hold.',
        'Pause rules: "response" is not an SLA metric; use first_reply, next_reply, resolution.',
      ],
    ],
    [
      'unknown condition values and keys',
      { conditions: { priorities: ['critical'], channels: ['fax'], brands: ['x'], ticketTypes: ['outage'] } },
      [
        'Conditions: "critical" is not one of the priorities; use low, normal, high, urgent.',
        'Conditions: "fax" is not one of the channels; use email, web, chat, phone, api, social.',
        'Conditions: "brands" is not a condition; use priorities, channels, organizationIds, customerTiers, groupIds, tags, ticketTypes, serviceIds, requestItemIds, fields.',
        'Conditions: "outage" is not one of the ticketTypes; use question, incident, problem, service_request, task.',
      ],
    ],
    ['a condition that is not a list', { conditions: { tags: 'vip' } }, ['Conditions: tags must be a list of non-empty strings.']],
    [
      'a field condition without values',
      { conditions: { fields: [{ name: 'product', values: [] }] } },
      ['Conditions: fields must be a list of { name, values } with a field name and at least one non-empty value. Got {"name":"product","values":[]}.'],
    ],
    [
      'a field listed twice',
      { conditions: { fields: [{ name: 'product', values: ['Portal'] }, { name: 'Product', values: ['Mobile app'] }] } },
      ['Conditions: the field "Product" is listed more than once; list all its values in one condition.'],
    ],
    ['an empty calendar id', { calendarId: '' }, ['calendarId must be an id or null for the 24x7 calendar; got "".']],
  ])('refuses %s', (_, changes, problems) => {
    expect(validateSlaPolicy(draft(changes))).toEqual(problems);
  });

  it('accepts field conditions', () => {
    expect(validateSlaPolicy(draft({ conditions: { fields: [{ name: 'product', values: ['Portal', 'Mobile app'] }] } }))).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(validateSlaPolicy(draft({ name: '', position: -2, warningThresholds: [99, 50] }))).toHaveLength(3);
  });
});
