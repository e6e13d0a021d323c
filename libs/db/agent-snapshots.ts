import type { EntityManager } from 'typeorm';
import type { AgentSnapshot } from '../domain/routing/index.js';

/** The fallback queue every unrouted ticket lands in (seeded by the routing migration). */
export const FALLBACK_GROUP_ID = '00000000-0000-4000-8000-000000000001';

interface AgentRow {
  user_id: string;
  display_name: string;
  group_ids: string[];
  skills: Record<string, number>;
  languages: string[];
  capacity: number;
  open_tickets: string;
  availability: AgentSnapshot['availability'];
  availability_changed_at: Date | null;
  time_zone: string;
  working_hours: AgentSnapshot['workingHours'];
  last_assigned_at: Date | null;
}

/**
 * The members of a group as the router sees them now. Open tickets are counted from the tickets themselves (assigned,
 * not solved or closed), so there is no counter to drift when an activity is retried. `lock` takes the members' rows
 * for the rest of the transaction, so two tickets of one group are assigned one after the other.
 */
export async function agentSnapshotsOfGroup(db: EntityManager, groupId: string, lock: boolean): Promise<AgentSnapshot[]> {
  const rows = await db.query<AgentRow[]>(
    `SELECT a.user_id, u.display_name, a.skills, a.languages, a.capacity, a.availability, a.availability_changed_at,
            a.time_zone, a.working_hours, a.last_assigned_at,
            (SELECT array_agg(ag2.group_id::text) FROM agent_groups ag2 WHERE ag2.agent_id = a.user_id) AS group_ids,
            (SELECT count(*) FROM tickets t WHERE t.assignee_id = a.user_id AND t.status NOT IN ('solved', 'closed')) AS open_tickets
     FROM agents a JOIN agent_groups ag ON ag.agent_id = a.user_id JOIN users u ON u.id = a.user_id
     WHERE ag.group_id::text = $1 AND u.active
     ORDER BY a.user_id ${lock ? 'FOR UPDATE OF a' : ''}`,
    [groupId],
  );
  return rows.map((row) => ({
    id: row.user_id,
    name: row.display_name,
    groupIds: row.group_ids ?? [],
    skills: row.skills,
    languages: row.languages,
    capacity: row.capacity,
    openTickets: Number(row.open_tickets),
    availability: row.availability,
    availabilityChangedAt: row.availability_changed_at?.getTime() ?? null,
    timeZone: row.time_zone,
    workingHours: row.working_hours,
    lastAssignedAt: row.last_assigned_at?.getTime() ?? null,
  }));
}

/** Tickets waiting in the agent's groups that the agent has room for now, oldest first: the ones to wake. */
export async function queuedTicketsForAgent(db: Pick<EntityManager, 'query'>, agentId: string): Promise<string[]> {
  const rows = await db.query<Array<{ id: string }>>(
    `SELECT t.id FROM tickets t
     JOIN agent_groups ag ON ag.group_id::text = t.group_id AND ag.agent_id = $1
     WHERE t.queued_at IS NOT NULL AND t.assignee_id IS NULL AND t.status NOT IN ('solved', 'closed')
     ORDER BY t.queued_at, t.id
     LIMIT GREATEST(0, (SELECT capacity FROM agents WHERE user_id = $1)
                     - (SELECT count(*) FROM tickets WHERE assignee_id = $1 AND status NOT IN ('solved', 'closed')))`,
    [agentId],
  );
  return rows.map((row) => row.id);
}
