import { chooseAgent, type AgentNeed, type AgentSnapshot } from './choose-agent.js';

function agent(id: string, changes: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return {
    id,
    groupIds: ['support'],
    skills: {},
    languages: ['en'],
    capacity: 5,
    openTickets: 0,
    availability: 'online',
    lastAssignedAt: null,
    timeZone: 'UTC',
    workingHours: [],
    availabilityChangedAt: null,
    ...changes,
  };
}

const need: AgentNeed = { groupId: 'support', requiredSkills: [] };
/** Monday 2026-12-07 20:00 UTC; "nine to five" agents are off. */
const NOW = Date.UTC(2026, 11, 7, 20);
const nineToFive = { workingHours: [{ day: 1 as const, start: '09:00', end: '17:00' }] };
const chosen = (candidates: AgentSnapshot[], n: AgentNeed = need) => chooseAgent(candidates, n, NOW).agent?.id ?? null;

describe('chooseAgent: who qualifies', () => {
  it.each<[string, AgentSnapshot[], AgentNeed, string | null, string]>([
    ['nobody at all', [], need, null, 'No one is a member of group "support".'],
    ['members of other groups only', [agent('ana', { groupIds: ['billing'] })], need, null, 'No one is a member of group "support".'],
    [
      'nobody online',
      [agent('ana', { availability: 'away' }), agent('bo', { availability: 'offline' })],
      need,
      null,
      'No one in the group is online.',
    ],
    [
      'everyone online outside their working hours',
      [agent('ana', nineToFive), agent('bo', { ...nineToFive, availabilityChangedAt: Date.UTC(2026, 11, 7, 16) })],
      need,
      null,
      'Everyone online in the group is outside their working hours.',
    ],
    [
      'the one on shift, not the less loaded one whose shift ended',
      [agent('ana', nineToFive), agent('bo', { openTickets: 3 })],
      need,
      'bo',
      'bo: the only available agent (3 of 5 open).',
    ],
    [
      'the one who set themselves online after their shift ended',
      [agent('ana', { ...nineToFive, availabilityChangedAt: Date.UTC(2026, 11, 7, 18) }), agent('bo', { openTickets: 3 })],
      need,
      'ana',
      'ana: least loaded of 2 available agents (0 of 5 open).',
    ],
    [
      'skills among those on shift only',
      [agent('ana', { ...nineToFive, skills: { sso: 5 } }), agent('bo')],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }] },
      null,
      '1 online agent lacks skill "sso" ≥ 3.',
    ],
    [
      'online agents lacking a skill',
      [agent('ana', { skills: { sso: 2 } }), agent('bo'), agent('cy', { availability: 'away', skills: { sso: 5 } })],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }] },
      null,
      '2 online agents lack skill "sso" ≥ 3.',
    ],
    [
      'one online agent lacking a skill',
      [agent('ana', { skills: { sso: 2 } })],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }] },
      null,
      '1 online agent lacks skill "sso" ≥ 3.',
    ],
    [
      'online agents each lacking one of two skills',
      [agent('ana', { skills: { sso: 4 } }), agent('bo', { skills: { de: 3 } }), agent('cy', { skills: { sso: 1 } })],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }, { skill: 'de', minLevel: 2 }] },
      null,
      '3 online agents lack the required skills: 2 lack "sso" ≥ 3, 2 lack "de" ≥ 2.',
    ],
    [
      'a skill named like an Object property',
      [agent('ana')],
      { groupId: 'support', requiredSkills: [{ skill: 'constructor', minLevel: 1 }] },
      null,
      '1 online agent lacks skill "constructor" ≥ 1.',
    ],
    [
      'everyone online at capacity',
      [agent('ana', { openTickets: 5 }), agent('bo', { openTickets: 7 }), agent('cy', { capacity: 0 })],
      need,
      null,
      'Everyone online is at capacity.',
    ],
    [
      'everyone skilled at capacity',
      [agent('ana', { openTickets: 5, skills: { sso: 3 } }), agent('bo')],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }] },
      null,
      'Everyone online with the required skills is at capacity.',
    ],
    [
      'the only one available',
      [agent('ana', { openTickets: 5 }), agent('bo', { openTickets: 4, name: 'Bo' }), agent('cy', { availability: 'away' })],
      need,
      'bo',
      'Bo: the only available agent (4 of 5 open).',
    ],
    [
      'the skilled one, at exactly the level',
      [agent('ana', { skills: { sso: 2 } }), agent('bo', { skills: { sso: 3 }, openTickets: 3 })],
      { groupId: 'support', requiredSkills: [{ skill: 'sso', minLevel: 3 }] },
      'bo',
      'bo: the only available agent (3 of 5 open).',
    ],
  ])('%s', (_, candidates, n, id, reason) => {
    const choice = chooseAgent(candidates, n, NOW);
    expect({ id: choice.agent?.id ?? null, reason: choice.reason }).toEqual({ id, reason });
  });
});

describe('chooseAgent: who is picked', () => {
  it('picks the least loaded by share of capacity, and says so', () => {
    const candidates = [
      agent('bo', { name: 'Bo', openTickets: 1, capacity: 2 }),
      agent('ana', { name: 'Ana', openTickets: 1, capacity: 5 }),
      agent('cy', { name: 'Cy', openTickets: 3, capacity: 10 }),
    ];
    expect(chooseAgent(candidates, need, NOW)).toEqual({
      agent: candidates[1],
      reason: 'Ana: least loaded of 3 available agents (1 of 5 open).',
    });
  });

  it.each<[string, Partial<AgentSnapshot>[], string, string]>([
    [
      'a lower share beats fewer tickets',
      [{ openTickets: 2, capacity: 10 }, { openTickets: 1, capacity: 2 }],
      'a0',
      'a0: least loaded of 2 available agents (2 of 10 open).',
    ],
    [
      'an equal share goes to fewer open tickets',
      [{ openTickets: 4, capacity: 10 }, { openTickets: 2, capacity: 5 }],
      'a1',
      'a1: least loaded of 2 available agents (2 of 5 open).',
    ],
    [
      'shares are compared exactly (2/6 is 1/3)',
      [{ openTickets: 2, capacity: 6 }, { openTickets: 1, capacity: 3, lastAssignedAt: 5 }],
      'a1',
      'a1: least loaded of 2 available agents (1 of 3 open).',
    ],
    [
      'an equal load goes to the one never assigned',
      [{ lastAssignedAt: 100 }, { lastAssignedAt: null }],
      'a1',
      'a1: least loaded of 2 available agents (0 of 5 open); tied with a0, never assigned yet.',
    ],
    [
      '…then to the one assigned least recently',
      [{ lastAssignedAt: 300 }, { lastAssignedAt: 100 }, { lastAssignedAt: 200 }],
      'a1',
      'a1: least loaded of 3 available agents (0 of 5 open); tied with a2, assigned less recently.',
    ],
    [
      '…then to the lowest id',
      [{ lastAssignedAt: 100 }, { lastAssignedAt: 100 }],
      'a0',
      'a0: least loaded of 2 available agents (0 of 5 open); tied with a1, first by id.',
    ],
  ])('%s', (_, changes, id, reason) => {
    const candidates = changes.map((c, i) => agent(`a${i}`, c));
    expect(chooseAgent([...candidates].reverse(), need, NOW)).toEqual({ agent: candidates[Number(id.slice(1))], reason });
  });

  it('gives equally loaded agents turns as lastAssignedAt is recorded', () => {
    let team = [agent('cy'), agent('ana'), agent('bo', { lastAssignedAt: 1 })];
    const picks: string[] = [];
    for (let now = 10; now < 70; now += 10) {
      const { agent: picked } = chooseAgent(team, need, NOW);
      picks.push(picked!.id);
      team = team.map((a) => (a.id === picked!.id ? { ...a, lastAssignedAt: now } : a));
    }
    expect(picks).toEqual(['ana', 'cy', 'bo', 'ana', 'cy', 'bo']);
  });

  it('spreads tickets by share of capacity as open tickets grow, until everyone is full', () => {
    let team = [agent('ana', { capacity: 2 }), agent('bo', { capacity: 4 })];
    const picks: string[] = [];
    for (let now = 1; now <= 7; now++) {
      const { agent: picked } = chooseAgent(team, need, NOW);
      if (!picked) break;
      picks.push(picked.id);
      team = team.map((a) => (a.id === picked.id ? { ...a, openTickets: a.openTickets + 1, lastAssignedAt: now } : a));
    }
    expect(picks).toEqual(['ana', 'bo', 'bo', 'ana', 'bo', 'bo']);
    expect(chooseAgent(team, need, NOW)).toEqual({ agent: null, reason: 'Everyone online is at capacity.' });
  });

  it('does not reorder the caller’s list', () => {
    const candidates = [agent('b', { openTickets: 2 }), agent('a', { openTickets: 1 })];
    chooseAgent(candidates, need, NOW);
    expect(candidates.map((a) => a.id)).toEqual(['b', 'a']);
  });
});
