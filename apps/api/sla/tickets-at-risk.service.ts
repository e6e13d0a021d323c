import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { restrictToScope, TicketVisibility } from '../tickets/ticket-visibility.js';
import type { TicketsAtRiskArgs } from './dto/tickets-at-risk.args.js';
import type { TicketAtRiskModel } from './models/ticket-at-risk.model.js';

/** Served from the SLA read model the ticket workflows keep in PostgreSQL, walking the index on the next deadline. */
@Injectable()
export class TicketsAtRiskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: TicketVisibility,
  ) {}

  /** Only the tickets the caller may see (see tickets/ticket-visibility.ts). */
  async list(args: TicketsAtRiskArgs, caller: AuthenticatedUser, now = new Date()): Promise<TicketAtRiskModel[]> {
    const horizon = new Date(now.getTime() + args.withinMinutes * 60_000);
    const query = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.sla_deadline IS NOT NULL AND t.sla_deadline <= :horizon', { horizon })
      .orderBy('t.sla_deadline', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(args.first);
    if (args.groupId) query.andWhere('t.group_id = :groupId', { groupId: args.groupId });
    if (args.priorities?.length) query.andWhere('t.priority IN (:...priorities)', { priorities: args.priorities });
    if (args.types?.length) query.andWhere('t.type IN (:...types)', { types: args.types });
    restrictToScope(query, await this.visibility.scopeOf(caller));
    const tickets = await query.getMany();
    return tickets.map((ticket) => ({
      ticket,
      metric: ticket.slaDeadlineMetric!,
      deadline: ticket.slaDeadline!,
      breached: ticket.slaDeadline!.getTime() <= now.getTime(),
      // Whole seconds, rounded down: negative as soon as the deadline has passed (as `breached` says), not after 1 s.
      secondsToDeadline: Math.floor((ticket.slaDeadline!.getTime() - now.getTime()) / 1000),
    }));
  }
}
