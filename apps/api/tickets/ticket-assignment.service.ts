import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgentAvailability } from '../../../libs/domain/routing/index.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError, userError } from '../common/user-error.js';
import type { AssignTicketInput } from './dto/assign-ticket.input.js';
import type { AssignmentWarningModel, TicketAssignmentModel } from './models/ticket-assignment.model.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsService } from './tickets.service.js';

/** The assignee as routing would judge them: availability and load (open tickets assigned, this ticket not counted). */
interface Assignee {
  id: string;
  name: string;
  groupIds: string[];
  availability: AgentAvailability;
  capacity: number;
  openTickets: number;
}

/**
 * Manual assignment: who may assign what (an agent within their own groups; a supervisor or admin anywhere), checked
 * here, then carried out by the ticket's workflow, which owns the assignee. Routing would never pick an agent who is
 * not online or has no room: a supervisor may, and the answer says so; an agent may not.
 */
@Injectable()
export class TicketAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  async assign(input: AssignTicketInput, caller: AuthenticatedUser): Promise<TicketAssignmentModel> {
    if (input.agentId === undefined && input.groupId === undefined) {
      throw fieldError('agentId', 'agentId: give an agent (or null to unassign), a groupId, or both.');
    }
    const ticket = await this.tickets.get(input.ticketId, caller);
    if (input.groupId !== undefined) await this.assertGroupExists(input.groupId);
    const groupId = input.groupId ?? ticket.groupId;
    const assignee = input.agentId ? await this.assignee(input.agentId, ticket.id) : null;
    if (assignee && (groupId === null || !assignee.groupIds.includes(groupId))) {
      throw fieldError('agentId', `agentId: ${assignee.name} is not a member of the ticket's group; give the groupId of one of their groups too.`);
    }

    const supervising = caller.roles.includes('supervisor') || caller.roles.includes('admin');
    if (!supervising && (groupId === null || !(await this.groupIdsOf(caller.id)).includes(groupId))) {
      throw userError('FORBIDDEN', 'Agents assign tickets within their own groups; a supervisor can assign to other groups.');
    }
    const warnings = assignee ? warningsFor(assignee) : [];
    if (warnings.length > 0 && !supervising) {
      throw userError('CONFLICT', `${warnings.map((warning) => warning.message).join(' ')} Only a supervisor can assign the ticket anyway.`);
    }

    await this.workflows.assign(ticket.id, {
      actorUserId: caller.id,
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
      ...(input.agentId !== undefined ? { agentId: input.agentId } : {}),
    });
    return { ticket: await this.tickets.get(ticket.id, 'system'), warnings };
  }

  private async assertGroupExists(groupId: string): Promise<void> {
    const [group] = await this.dataSource.query('SELECT 1 FROM groups WHERE id = $1', [groupId]);
    if (!group) throw fieldError('groupId', `groupId: there is no group ${groupId}.`);
  }

  private async assignee(agentId: string, ticketId: string): Promise<Assignee> {
    const [row] = await this.dataSource.query<
      Array<{ name: string; group_ids: string[] | null; availability: AgentAvailability; capacity: number; open_tickets: number }>
    >(
      `SELECT u.display_name AS name, a.availability, a.capacity,
              (SELECT array_agg(ag.group_id::text) FROM agent_groups ag WHERE ag.agent_id = a.user_id) AS group_ids,
              (SELECT count(*)::int FROM tickets t
                WHERE t.assignee_id = a.user_id AND t.status NOT IN ('solved', 'closed') AND t.id <> $2) AS open_tickets
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.user_id = $1 AND u.active AND 'agent' = ANY(u.roles)`,
      [agentId, ticketId],
    );
    if (!row) throw fieldError('agentId', `agentId: ${agentId} is not an active agent (an admin sets agents up with upsertAgent).`);
    return { id: agentId, name: row.name, groupIds: row.group_ids ?? [], availability: row.availability, capacity: row.capacity, openTickets: row.open_tickets };
  }

  private async groupIdsOf(userId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>('SELECT group_id::text AS id FROM agent_groups WHERE agent_id = $1', [userId]);
    return rows.map((row) => row.id);
  }
}

function warningsFor(assignee: Assignee): AssignmentWarningModel[] {
  const warnings: AssignmentWarningModel[] = [];
  if (assignee.availability !== 'online') {
    warnings.push({ code: 'agent_not_online', message: `${assignee.name} is ${assignee.availability}.` });
  }
  if (assignee.openTickets >= assignee.capacity) {
    warnings.push({
      code: 'agent_at_capacity',
      message: `${assignee.name} already has ${assignee.openTickets} open tickets (capacity ${assignee.capacity}).`,
    });
  }
  return warnings;
}

