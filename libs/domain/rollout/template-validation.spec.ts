import { readFileSync } from 'node:fs';
import { planOf } from './plan-fixture.js';
import type { RolloutTemplate } from './rollout-template.js';
import { templateProblems, templateShapeProblems } from './template-validation.js';

describe('templateProblems', () => {
  const cases: Array<{ name: string; plan: RolloutTemplate; problems: string[] }> = [
    { name: 'a sound plan', plan: planOf([{ id: 'p', tasks: [['a', 1], ['b', 1, ['a']]] }]), problems: [] },
    { name: 'a task depending on itself', plan: planOf([{ id: 'p', tasks: [['a', 1, ['a']]] }]), problems: ['Task "a" depends on itself.'] },
    {
      name: 'an unknown dependency',
      plan: planOf([{ id: 'p', tasks: [['a', 1, ['ghost']]] }]),
      problems: ['Task "a" depends on "ghost", which is not a task of the template.'],
    },
    {
      name: 'a cycle through explicit dependencies, named',
      plan: planOf([{ id: 'p', tasks: [['a', 1, ['c']], ['b', 1, ['a']], ['c', 1, ['b']]] }]),
      problems: ['The tasks depend on each other in a cycle: a → b → c → a.'],
    },
    {
      name: 'a cycle through the phase order (an earlier task waiting for a later phase)',
      plan: planOf([
        { id: 'one', tasks: [['a', 1, ['b']]] },
        { id: 'two', tasks: [['b', 1]] },
      ]),
      problems: ['The tasks depend on each other in a cycle: a → b → a.'],
    },
    {
      name: 'a zero-day task and a duplicate id',
      plan: planOf([{ id: 'p', tasks: [['a', 0], ['a', 1]] }]),
      problems: ['Task "a" must take 1 to 366 whole days (it says 0).', 'Task id "a" is used twice.'],
    },
  ];

  const withCriterion = (criterion: unknown) => {
    const plan = planOf([{ id: 'p', tasks: [['a', 1]] }]);
    plan.phases[0].exitCriteria = [criterion as never];
    return plan;
  };
  cases.push(
    {
      name: 'a reject threshold that is not a share',
      plan: withCriterion({ type: 'migration_reconciled', maxRejectRate: 5 }),
      problems: ['Phase "p": migration_reconciled needs a maxRejectRate between 0 and 1.'],
    },
    {
      name: 'a routing criterion without its scenario count',
      plan: withCriterion({ type: 'routing_accuracy', minAccuracy: 0.9 }),
      problems: ['Phase "p": routing_accuracy needs a minAccuracy between 0 and 1 and a whole minScenarios.'],
    },
    { name: 'an unknown criterion', plan: withCriterion({ type: 'vibes' }), problems: ['Phase "p" has an unknown exit criterion "vibes".'] },
  );

  it.each(cases)('$name', ({ plan, problems }) => {
    expect(templateProblems(plan)).toEqual(problems);
  });

  it.each(['unified-platform', 'traditional'])('the shipped %s template is valid', (name) => {
    const template = JSON.parse(readFileSync(new URL(`../../../templates/rollouts/${name}.json`, import.meta.url), 'utf8')) as RolloutTemplate;
    expect(templateProblems(template)).toEqual([]);
  });
});

describe('templateShapeProblems', () => {
  it.each([
    { value: [], problems: ['A template is a JSON object.'] },
    {
      value: { id: 'x', name: 'X', description: '', roles: ['lead'], reviewDays: [7], phases: [{ id: 'p', kind: 'launch', name: 'P', overlapsPrevious: false, checklist: [], exitCriteria: [], tasks: [{ id: 't', title: 'T', ownerRole: 'lead', effortHours: 1, durationDays: '2', offsetDays: 0, dependsOn: [] }] }] },
      problems: ['phases[0].tasks[0].durationDays must be a number.'],
    },
    { value: { id: 'x', name: 'X', description: '', roles: ['lead'], reviewDays: [], phases: [] }, problems: [] },
  ])('$problems', ({ value, problems }) => {
    expect(templateShapeProblems(value)).toEqual(problems);
  });
});
