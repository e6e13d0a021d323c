import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import type { Role } from '../../../libs/domain/auth/roles.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

/** Who reads a ticket: a person (their roles and groups decide what they see), or the help desk itself (inbound mail). */
export type TicketReader = AuthenticatedUser | 'system';

/** They see every ticket. */
const SEE_ALL: readonly Role[] = ['supervisor', 'admin'];

/**
 * What an agent may not see: the tickets of groups that are not visible to all agents and that they are not a member
 * of, unless the ticket is assigned to them. Tickets in no group, or under a group label that is no group (free text
 * from before groups existed), hide from nobody: no membership could ever reach them.
 */
export interface TicketScope {
  readerId: string;
  hiddenGroupIds: string[];
}

/**
 * Ticket visibility, one rule for every read: `ticket`, `tickets`, every mutation on a ticket and every query that
 * takes a ticket id answer NOT_FOUND for a ticket the caller cannot see (never FORBIDDEN: ids do not leak).
 */
@Injectable()
export class TicketVisibility {
  constructor(private readonly dataSource: DataSource) {}

  /** null: the reader sees every ticket. */
  async scopeOf(reader: TicketReader): Promise<TicketScope | null> {
    if (reader === 'system' || reader.roles.some((role) => SEE_ALL.includes(role))) return null;
    const hidden = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT g.id::text AS id FROM groups g
        WHERE NOT g.visible_to_all_agents
          AND NOT EXISTS (SELECT 1 FROM agent_groups ag WHERE ag.group_id = g.id AND ag.agent_id = $1)`,
      [reader.id],
    );
    return { readerId: reader.id, hiddenGroupIds: hidden.map((group) => group.id) };
  }

  async canSee(ticket: Pick<TicketEntity, 'groupId' | 'assigneeId'>, reader: TicketReader): Promise<boolean> {
    return scopeAdmits(await this.scopeOf(reader), ticket);
  }
}

/** The rule itself, for a ticket (or a live event about one) already in hand. */
export function scopeAdmits(scope: TicketScope | null, ticket: { groupId: string | null; assigneeId?: string | null }): boolean {
  return scope === null || ticket.assigneeId === scope.readerId || ticket.groupId === null || !scope.hiddenGroupIds.includes(ticket.groupId);
}

/** The same rule as a condition on the tickets alias `t`, for lists. */
export function restrictToScope(query: SelectQueryBuilder<TicketEntity>, scope: TicketScope | null): void {
  if (scope === null || scope.hiddenGroupIds.length === 0) return;
  query.andWhere('(t.assignee_id = :readerId OR t.group_id IS NULL OR NOT (t.group_id = ANY(:hiddenGroupIds)))', {
    readerId: scope.readerId,
    hiddenGroupIds: scope.hiddenGroupIds,
  });
}
