import { agentLoads, loadTone } from './agent-load';

describe('agent load from the backlog', () => {
  it('counts each agent open tickets by user id, zero for the idle, and the unassigned apart', () => {
    const agents = [
      { userId: 'a', capacity: 4 },
      { userId: 'b', capacity: 2 },
      { userId: 'c', capacity: 0 },
    ];
    const { loads, unassigned } = agentLoads(agents, [
      { key: 'b', count: 3 },
      { key: '(none)', count: 5 },
      { key: 'a', count: 1 },
    ]);
    expect(loads.map(({ agent, open, share }) => [agent.userId, open, share])).toEqual([
      ['a', 1, 0.25],
      ['b', 3, 1.5],
      ['c', 0, 0],
    ]);
    expect(unassigned).toBe(5);
    expect(agentLoads(agents, []).unassigned).toBe(0);
  });

  it('tones a full agent as a warning and an overloaded one as a problem', () => {
    expect([0.5, 1, 1.5, Infinity].map(loadTone)).toEqual(['ok', 'warn', 'danger', 'danger']);
  });
});
