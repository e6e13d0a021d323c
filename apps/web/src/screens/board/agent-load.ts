/** The backlog's key for tickets assigned to nobody. */
export const UNASSIGNED_KEY = '(none)';

export interface AgentLoad<Agent> {
  agent: Agent;
  open: number;
  /** Open tickets over capacity, 0..1 and beyond (over capacity). */
  share: number;
}

/**
 * Each agent with their open tickets from the backlog grouped by agent (its keys are user ids; an agent with no open
 * ticket has no group), and the tickets nobody is assigned.
 */
export function agentLoads<Agent extends { userId: string; capacity: number }>(
  agents: readonly Agent[],
  backlogByAgent: ReadonlyArray<{ key: string; count: number }>,
): { loads: AgentLoad<Agent>[]; unassigned: number } {
  const counts = new Map(backlogByAgent.map((group) => [group.key, group.count]));
  const loads = agents.map((agent) => {
    const open = counts.get(agent.userId) ?? 0;
    return { agent, open, share: agent.capacity > 0 ? open / agent.capacity : open > 0 ? Infinity : 0 };
  });
  return { loads, unassigned: counts.get(UNASSIGNED_KEY) ?? 0 };
}

/** How full an agent is, as a badge tone: at capacity is a warning, past it is a problem. */
export function loadTone(share: number): 'ok' | 'warn' | 'danger' {
  if (share > 1) return 'danger';
  return share >= 1 ? 'warn' : 'ok';
}
