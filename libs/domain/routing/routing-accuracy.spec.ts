import { routingAccuracy, simulationReport } from './routing-accuracy.js';

describe('routingAccuracy', () => {
  it('is 1 with nothing routed', () => {
    expect(routingAccuracy([])).toEqual({ overall: { routed: 0, misrouted: 0, accuracy: 1 }, perRule: [] });
  });

  it('counts overall and per rule, the fallback queue (null) as a rule of its own, in order of first appearance', () => {
    const decisions = [
      { ruleId: 'billing', misrouted: false },
      { ruleId: null, misrouted: true },
      { ruleId: 'billing', misrouted: true },
      { ruleId: 'vip', misrouted: false },
      { ruleId: 'billing', misrouted: false },
      { ruleId: 'billing', misrouted: false },
      { ruleId: null, misrouted: false },
    ];
    expect(routingAccuracy(decisions)).toEqual({
      overall: { routed: 7, misrouted: 2, accuracy: 5 / 7 },
      perRule: [
        { ruleId: 'billing', routed: 4, misrouted: 1, accuracy: 0.75 },
        { ruleId: null, routed: 2, misrouted: 1, accuracy: 0.5 },
        { ruleId: 'vip', routed: 1, misrouted: 0, accuracy: 1 },
      ],
    });
  });

  it.each<[number, number, number]>([
    [1, 1, 0],
    [3, 0, 1],
    [10, 3, 0.7],
  ])('%i routed, %i misrouted → %p', (routed, misrouted, accuracy) => {
    const decisions = Array.from({ length: routed }, (_, i) => ({ ruleId: 'r', misrouted: i < misrouted }));
    expect(routingAccuracy(decisions).overall).toEqual({ routed, misrouted, accuracy });
  });
});

describe('simulationReport', () => {
  it.each<[string, Array<{ expectedGroupId?: string | null; groupId: string | null }>, object]>([
    ['no scenarios', [], { scenarios: 0, withExpectation: 0, met: 0, accuracy: 1 }],
    ['no expectations', [{ groupId: 'a' }, { groupId: null }], { scenarios: 2, withExpectation: 0, met: 0, accuracy: 1 }],
    [
      'expectations met and missed; null expects the fallback queue',
      [
        { expectedGroupId: 'billing', groupId: 'billing' },
        { expectedGroupId: 'billing', groupId: 'tech' },
        { expectedGroupId: null, groupId: null },
        { expectedGroupId: null, groupId: 'tech' },
        { expectedGroupId: 'tech', groupId: null },
        { groupId: 'tech' },
      ],
      { scenarios: 6, withExpectation: 5, met: 2, accuracy: 0.4 },
    ],
    ['all met', [{ expectedGroupId: 'a', groupId: 'a' }], { scenarios: 1, withExpectation: 1, met: 1, accuracy: 1 }],
  ])('%s', (_, results, expected) => {
    expect(simulationReport(results)).toEqual(expected);
  });
});
