import type { SlaAlarm } from '../sla/index.js';
import type { EscalationPolicy, EscalationStep, EscalationTrigger } from './escalation-policy.js';
import { stepsForAlarm } from './steps-for-alarm.js';

const step = (trigger: EscalationTrigger): EscalationStep => ({
  trigger,
  action: { type: 'raise_priority' },
  repeatEveryMinutes: null,
});

const policy: EscalationPolicy = {
  id: 'esc-1',
  name: 'Standard escalation',
  steps: [
    step({ on: 'warning' }), // 0: any warning
    step({ on: 'warning', metric: 'first_reply' }), // 1
    step({ on: 'warning', thresholdPercent: 90 }), // 2
    step({ on: 'warning', metric: 'resolution', thresholdPercent: 75 }), // 3
    step({ on: 'breach' }), // 4: any breach
    step({ on: 'breach', metric: 'next_reply' }), // 5
  ],
};

const warning = (metric: SlaAlarm['metric'], threshold: number): SlaAlarm => ({ kind: 'warning', metric, threshold, at: 0 });
const breach = (metric: SlaAlarm['metric']): SlaAlarm => ({ kind: 'breach', metric, at: 0 });

describe('stepsForAlarm', () => {
  it.each<[string, SlaAlarm, number[]]>([
    ['a first_reply warning at 75 %', warning('first_reply', 75), [0, 1]],
    ['a first_reply warning at 90 %', warning('first_reply', 90), [0, 1, 2]],
    ['a resolution warning at 75 %', warning('resolution', 75), [0, 3]],
    ['a resolution warning at 50 %', warning('resolution', 50), [0]],
    ['a next_reply warning at 90 %', warning('next_reply', 90), [0, 2]],
    ['a resolution breach', breach('resolution'), [4]],
    ['a next_reply breach', breach('next_reply'), [4, 5]],
  ])('%s sets off steps %j, in order', (_, alarm, indexes) => {
    const triggered = stepsForAlarm(policy, alarm);
    expect(triggered.map(({ index }) => index)).toEqual(indexes);
    expect(triggered.map(({ step: s }) => s)).toEqual(indexes.map((index) => policy.steps[index]));
  });

  it('sets off nothing in a policy without a matching step', () => {
    expect(stepsForAlarm({ ...policy, steps: [step({ on: 'breach', metric: 'first_reply' })] }, breach('resolution'))).toEqual([]);
    expect(stepsForAlarm({ ...policy, steps: [] }, warning('resolution', 75))).toEqual([]);
  });
});
