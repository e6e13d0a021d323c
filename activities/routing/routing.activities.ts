import type { DataSource } from 'typeorm';
import { agentSnapshotsOfGroup, FALLBACK_GROUP_ID, queuedTicketsForAgent } from '../../libs/db/agent-snapshots.js';
import type { BusinessCalendar } from '../../libs/domain/calendar/index.js';
import { chooseAgent, routeTicket, type RequiredSkill, type RoutableTicket, type RoutingRule } from '../../libs/domain/routing/index.js';
import type { AssignmentOutcome, RoutingOutcome } from '../../workflows/ticket/ticket.contract.js';

/** Routing and assignment for the ticket workflow; each activity is safe to retry. */
export function createRoutingActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    /** The first active rule matching the ticket picks its group; none matching sends it to the fallback queue. */
    async routeTicket(ticket: RoutableTicket): Promise<RoutingOutcome> {
      const rules = await dataSource.query<Array<Pick<RoutingRule, 'id' | 'name' | 'position' | 'criteria' | 'result'>>>(
        'SELECT id, name, position, criteria, result FROM routing_rules WHERE active ORDER BY position, name',
      );
      const calendarRows = await dataSource.query<Array<{ id: string; time_zone: string; intervals: BusinessCalendar['intervals']; holidays: BusinessCalendar['holidays'] }>>(
        'SELECT id, time_zone, intervals, holidays FROM business_calendars',
      );
      const calendars = Object.fromEntries(
        calendarRows.map((row) => [row.id, { timeZone: row.time_zone, intervals: row.intervals, holidays: row.holidays }]),
      );
      const decision = routeTicket(rules, ticket, calendars);
      if (!decision.matched) {
        return { ruleId: null, ruleName: null, reasons: [decision.reason], groupId: FALLBACK_GROUP_ID, priority: ticket.priority, tags: [], requiredSkills: [] };
      }
      return {
        ruleId: decision.rule.id,
        ruleName: decision.rule.name,
        reasons: decision.reasons,
        groupId: decision.groupId,
        priority: decision.priority,
        tags: decision.tags,
        requiredSkills: decision.requiredSkills,
      };
    },

    /**
     * Gives the ticket to the least loaded available member of its group, or puts it in the group's queue. The group's
     * members are locked for the choice, so concurrent tickets never both take an agent's last free slot. A retry finds
     * the assignment already made and returns it. Working hours are judged at the activity's own clock, never the
     * workflow's.
     */
    async assignAgent(request: { ticketId: string; groupId: string; requiredSkills: RequiredSkill[] }): Promise<AssignmentOutcome> {
      return dataSource.transaction(async (db) => {
        const [ticket] = await db.query<Array<{ assignee_id: string | null; group_id: string | null }>>(
          'SELECT assignee_id, group_id FROM tickets WHERE id = $1 FOR UPDATE',
          [request.ticketId],
        );
        if (ticket?.assignee_id && ticket.group_id === request.groupId) {
          return { agentId: ticket.assignee_id, reason: 'Already assigned.' };
        }
        const choice = chooseAgent(await agentSnapshotsOfGroup(db, request.groupId, true), request, Date.now());
        if (!choice.agent) {
          await db.query(
            'UPDATE tickets SET assignee_id = NULL, group_id = $2, queued_at = COALESCE(queued_at, now()) WHERE id = $1',
            [request.ticketId, request.groupId],
          );
          return { agentId: null, reason: choice.reason };
        }
        await db.query('UPDATE agents SET last_assigned_at = now() WHERE user_id = $1', [choice.agent.id]);
        await db.query('UPDATE tickets SET assignee_id = $2, group_id = $3, queued_at = NULL WHERE id = $1', [
          request.ticketId,
          choice.agent.id,
          request.groupId,
        ]);
        return { agentId: choice.agent.id, reason: choice.reason };
      });
    },

    /**
     * A person's assignment, written at once so the agent's load counts it: the agent (null: nobody, the ticket waits in
     * its group's queue) and the group. Setting the same values again changes nothing, so a retry is harmless.
     */
    async assignManually(request: { ticketId: string; groupId: string | null; agentId: string | null }): Promise<void> {
      await dataSource.transaction(async (db) => {
        await db.query(
          `UPDATE tickets SET assignee_id = $2, group_id = $3,
                  queued_at = CASE WHEN $2::uuid IS NULL THEN COALESCE(queued_at, now()) END
            WHERE id = $1`,
          [request.ticketId, request.agentId, request.groupId],
        );
        if (request.agentId !== null) await db.query('UPDATE agents SET last_assigned_at = now() WHERE user_id = $1', [request.agentId]);
      });
    },

    /** Waiting tickets an agent could take now (oldest first, as many as the agent has room for), to wake. */
    queuedTicketsFor(agentId: string): Promise<string[]> {
      return queuedTicketsForAgent(dataSource.manager, agentId);
    },
  };
}

export type RoutingActivities = ReturnType<typeof createRoutingActivities>;
