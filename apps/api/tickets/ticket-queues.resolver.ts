import { Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketQueueModel } from './models/ticket-queue.model.js';
import { TicketVisibility } from './ticket-visibility.js';
import { TICKET_WORKERS } from './tickets.roles.js';

/**
 * The queues an inbox offers: agents cannot read the routing configuration (`groups`), yet must find their groups'
 * queues, so this lists the groups whose tickets the caller may see, marking those they belong to.
 */
@Resolver(() => TicketQueueModel)
export class TicketQueuesResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: TicketVisibility,
  ) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => [TicketQueueModel], {
    description: "The groups whose tickets the caller may see (the fallback queue first, then by name); `member`: the caller's own groups.",
  })
  async ticketQueues(@CurrentUser() caller: AuthenticatedUser): Promise<TicketQueueModel[]> {
    const scope = await this.visibility.scopeOf(caller);
    const rows = await this.dataSource.query<Array<{ id: string; name: string; member: boolean }>>(
      `SELECT g.id::text AS id, g.name,
              EXISTS (SELECT 1 FROM agent_groups ag WHERE ag.group_id = g.id AND ag.agent_id = $1) AS member
         FROM groups g
        WHERE NOT (g.id::text = ANY($2::text[]))
        ORDER BY g.is_fallback DESC, g.name, g.id`,
      [caller.id, scope?.hiddenGroupIds ?? []],
    );
    return rows;
  }
}
