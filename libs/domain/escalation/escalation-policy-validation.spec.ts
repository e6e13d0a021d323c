import type { EscalationPolicy, EscalationStep } from './escalation-policy.js';
import { validateEscalationPolicy } from './escalation-policy-validation.js';

type Draft = Omit<EscalationPolicy, 'id'>;

const notifySupervisors: EscalationStep = {
  trigger: { on: 'breach' },
  action: { type: 'notify', recipients: 'supervisors' },
  repeatEveryMinutes: 30,
};

const valid: Draft = {
  name: 'Standard escalation',
  steps: [
    {
      trigger: { on: 'warning', metric: 'first_reply', thresholdPercent: 75 },
      action: { type: 'notify', recipients: 'group', groupId: 'tier-2' },
      repeatEveryMinutes: null,
    },
    { trigger: { on: 'warning' }, action: { type: 'raise_priority' }, repeatEveryMinutes: 5 },
    { trigger: { on: 'breach', metric: 'resolution' }, action: { type: 'reassign', groupId: 'tier-3' }, repeatEveryMinutes: 10_080 },
    notifySupervisors,
  ],
};

// A second step with some fields replaced, as JSON from an admin UI could send them.
const withStep = (changes: Record<string, unknown>): Draft =>
  ({ ...valid, steps: [notifySupervisors, { ...notifySupervisors, ...changes }] }) as Draft;

describe('validateEscalationPolicy', () => {
  it('accepts a valid policy', () => {
    expect(validateEscalationPolicy(valid)).toEqual([]);
  });

  it.each<[string, Draft, string[]]>([
    ['a blank name', { ...valid, name: ' ' }, ['The policy needs a name.']],
    ['no steps', { ...valid, steps: [] }, ['The policy has no steps: add at least one, e.g. notify supervisors on a breach.']],
    [
      '21 steps',
      { ...valid, steps: Array.from({ length: 21 }, () => notifySupervisors) },
      ['A policy can have at most 20 steps; this one has 21.'],
    ],
    [
      'a reassign without a group',
      withStep({ action: { type: 'reassign' } }),
      ['Step 2: a reassign step needs a groupId.'],
    ],
    [
      'a group notification without a group',
      withStep({ action: { type: 'notify', recipients: 'group', groupId: '' } }),
      ['Step 2: a notify-group step needs a groupId.'],
    ],
    [
      'unknown recipients',
      withStep({ action: { type: 'notify', recipients: 'everyone' } }),
      [`Step 2: notify recipients must be 'supervisors' or 'group', not "everyone".`],
    ],
    [
      'an unknown action',
      withStep({ action: { type: 'page' } }),
      [`Step 2: the action type must be 'notify', 'reassign' or 'raise_priority', not "page".`],
    ],
    [
      'a threshold on a breach',
      withStep({ trigger: { on: 'breach', thresholdPercent: 90 } }),
      ['Step 2: a thresholdPercent only applies to warnings; a breach is always at 100 %.'],
    ],
    [
      'a threshold of 100',
      withStep({ trigger: { on: 'warning', thresholdPercent: 100 } }),
      ['Step 2: thresholdPercent must be a whole percent from 1 to 99, got 100.'],
    ],
    [
      'an unknown trigger and metric',
      withStep({ trigger: { on: 'overdue', metric: 'first_response' } }),
      [
        `Step 2: the trigger must be on 'warning' or 'breach', not "overdue".`,
        'Step 2: "first_response" is not an SLA metric; use first_reply, next_reply, resolution, or leave it out for any metric.',
      ],
    ],
    [
      'a repeat every 4 minutes',
      withStep({ repeatEveryMinutes: 4 }),
      ['Step 2: repeatEveryMinutes must be a whole number of minutes from 5 to 10080 (one week), or null to act once; got 4.'],
    ],
    [
      'a repeat of more than a week',
      withStep({ repeatEveryMinutes: 10_081 }),
      ['Step 2: repeatEveryMinutes must be a whole number of minutes from 5 to 10080 (one week), or null to act once; got 10081.'],
    ],
    [
      'a fractional repeat',
      withStep({ repeatEveryMinutes: 7.5 }),
      ['Step 2: repeatEveryMinutes must be a whole number of minutes from 5 to 10080 (one week), or null to act once; got 7.5.'],
    ],
    [
      'a missing repeat',
      withStep({ repeatEveryMinutes: undefined }),
      ['Step 2: repeatEveryMinutes must be a whole number of minutes from 5 to 10080 (one week), or null to act once; got nothing.'],
    ],
  ])('refuses %s', (_, draft, problems) => {
    expect(validateEscalationPolicy(draft)).toEqual(problems);
  });

  it('names each step with a problem', () => {
    const steps = [
      { ...notifySupervisors, repeatEveryMinutes: 1 },
      notifySupervisors,
      { ...notifySupervisors, action: { type: 'reassign' } },
    ];
    const draft = { name: '', steps } as Draft;
    expect(validateEscalationPolicy(draft)).toEqual([
      'The policy needs a name.',
      'Step 1: repeatEveryMinutes must be a whole number of minutes from 5 to 10080 (one week), or null to act once; got 1.',
      'Step 3: a reassign step needs a groupId.',
    ]);
  });
});
