import { fulfilmentSteps } from './fulfilment-steps';

const PLAN = [{ title: 'Order the laptop' }, { title: 'Set up the laptop' }];

describe('fulfilmentSteps', () => {
  it('lists the whole plan as waiting before any task starts (the approval waits)', () => {
    expect(fulfilmentSteps(PLAN, [])).toEqual([
      { kind: 'waiting', title: 'Order the laptop' },
      { kind: 'waiting', title: 'Set up the laptop' },
    ]);
  });

  it('puts the started tasks first, in order, then the rest of the plan', () => {
    expect(fulfilmentSteps(PLAN, [{ id: 't1' }])).toEqual([
      { kind: 'started', task: { id: 't1' } },
      { kind: 'waiting', title: 'Set up the laptop' },
    ]);
  });

  it('keeps every started task even when the item now plans fewer (it was edited since)', () => {
    expect(fulfilmentSteps([{ title: 'Only one' }], [{ id: 't1' }, { id: 't2' }])).toEqual([
      { kind: 'started', task: { id: 't1' } },
      { kind: 'started', task: { id: 't2' } },
    ]);
  });
});
