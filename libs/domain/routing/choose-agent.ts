import type { RequiredSkill } from './routing-rule.js';
import { isOnShift, type AgentShift } from './working-hours.js';

export type AgentAvailability = 'online' | 'away' | 'offline';

/** An agent as the router sees them at the moment of assignment. */
export interface AgentSnapshot extends AgentShift {
  id: string;
  /** Shown in reasons; the id when absent. */
  name?: string;
  groupIds: string[];
  /** Level 1..5 by skill; a missing skill is level 0. */
  skills: Record<string, number>;
  languages: string[];
  /** The most open tickets the agent takes; at capacity (or a capacity of 0) takes nothing more. */
  capacity: number;
  openTickets: number;
  availability: AgentAvailability;
  /** Epoch ms of the last assignment; null when never assigned. */
  lastAssignedAt: number | null;
}

export interface AgentNeed {
  groupId: string;
  requiredSkills: RequiredSkill[];
}

export type AgentChoice = { agent: AgentSnapshot; reason: string } | { agent: null; reason: string };

/**
 * Among the online members of the group who are on shift at `now` (isOnShift), have every required skill at its level
 * and room under their capacity: the least loaded (openTickets / capacity, then fewer open tickets), ties going to the
 * one assigned least recently (never assigned first), then to the lowest id. Recording each assignment in lastAssignedAt makes equally loaded
 * agents take turns. When nobody qualifies, the reason names the first filter that left nobody.
 */
export function chooseAgent(candidates: readonly AgentSnapshot[], need: AgentNeed, now: number): AgentChoice {
  const members = candidates.filter((a) => a.groupIds.includes(need.groupId));
  if (members.length === 0) return { agent: null, reason: `No one is a member of group "${need.groupId}".` };
  const online = members.filter((a) => a.availability === 'online');
  if (online.length === 0) return { agent: null, reason: 'No one in the group is online.' };
  const onShift = online.filter((a) => isOnShift(a, now));
  if (onShift.length === 0) return { agent: null, reason: 'Everyone online in the group is outside their working hours.' };
  const skilled = onShift.filter((a) => need.requiredSkills.every((s) => level(a, s.skill) >= s.minLevel));
  if (skilled.length === 0) return { agent: null, reason: lackingSkills(onShift, need.requiredSkills) };
  const available = skilled.filter((a) => a.openTickets < a.capacity);
  if (available.length === 0) {
    const who = skilled.length === onShift.length ? 'Everyone online' : 'Everyone online with the required skills';
    return { agent: null, reason: `${who} is at capacity.` };
  }
  const ranked = [...available].sort(compareAgents);
  const [agent, runnerUp] = ranked;
  const load = `(${agent.openTickets} of ${agent.capacity} open)`;
  if (ranked.length === 1) return { agent, reason: `${nameOf(agent)}: the only available agent ${load}.` };
  const tie = runnerUp && compareLoad(agent, runnerUp) === 0 ? tieBreak(agent, runnerUp) : '';
  return { agent, reason: `${nameOf(agent)}: least loaded of ${ranked.length} available agents ${load}${tie}.` };
}

function compareAgents(a: AgentSnapshot, b: AgentSnapshot): number {
  return compareLoad(a, b) || compareLastAssigned(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** By openTickets / capacity (compared without division, capacities being positive here), then by openTickets. */
function compareLoad(a: AgentSnapshot, b: AgentSnapshot): number {
  return Math.sign(a.openTickets * b.capacity - b.openTickets * a.capacity) || a.openTickets - b.openTickets;
}

function compareLastAssigned(a: AgentSnapshot, b: AgentSnapshot): number {
  if (a.lastAssignedAt === b.lastAssignedAt) return 0;
  if (a.lastAssignedAt === null) return -1;
  if (b.lastAssignedAt === null) return 1;
  return a.lastAssignedAt - b.lastAssignedAt;
}

function tieBreak(agent: AgentSnapshot, runnerUp: AgentSnapshot): string {
  const how =
    compareLastAssigned(agent, runnerUp) !== 0
      ? agent.lastAssignedAt === null
        ? 'never assigned yet'
        : 'assigned less recently'
      : 'first by id';
  return `; tied with ${nameOf(runnerUp)}, ${how}`;
}

function lackingSkills(onShift: readonly AgentSnapshot[], required: readonly RequiredSkill[]): string {
  const counts = required
    .map((s) => ({ s, count: onShift.filter((a) => level(a, s.skill) < s.minLevel).length }))
    .filter(({ count }) => count > 0);
  const agents = `${onShift.length} online ${onShift.length === 1 ? 'agent lacks' : 'agents lack'}`;
  if (counts.length === 1) return `${agents} skill ${skillWords(counts[0].s)}.`;
  const each = counts.map(({ s, count }) => `${count} ${count === 1 ? 'lacks' : 'lack'} ${skillWords(s)}`);
  return `${agents} the required skills: ${each.join(', ')}.`;
}

function skillWords({ skill, minLevel }: RequiredSkill): string {
  return `"${skill}" ≥ ${minLevel}`;
}

function level(agent: AgentSnapshot, skill: string): number {
  return Object.hasOwn(agent.skills, skill) ? agent.skills[skill] : 0;
}

function nameOf(agent: AgentSnapshot): string {
  return agent.name ?? agent.id;
}
