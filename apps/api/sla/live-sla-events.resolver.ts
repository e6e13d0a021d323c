import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { LiveSlaEvent } from '../../../libs/db/live-sla-events.js';
import type { TicketPriority } from '../../../libs/domain/tickets/ticket-fields.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketPriorityEnum } from '../common/graphql-enums.js';
import { scopeAdmits, TicketVisibility } from '../tickets/ticket-visibility.js';
import { LiveSlaEventsHub } from './live-sla-events.hub.js';
import { LiveSlaEventModel } from './models/live-sla-event.model.js';
import { SLA_WATCHERS } from './sla.roles.js';

@Resolver()
export class LiveSlaEventsResolver {
  constructor(
    private readonly hub: LiveSlaEventsHub,
    private readonly visibility: TicketVisibility,
  ) {}

  @Roles(...SLA_WATCHERS)
  @Subscription(() => LiveSlaEventModel, {
    description:
      'Warnings, breaches and escalations as they happen (graphql-ws), optionally for one group or some priorities; ' +
      'an agent hears only of the tickets they may see (their visibility as it was when the subscription started).',
    resolve: (event: LiveSlaEvent): LiveSlaEventModel => ({ ...event, occurredAt: new Date(event.occurredAt) }),
  })
  async slaEvents(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('groupId', { type: () => String, nullable: true }) groupId?: string | null,
    @Args('priorities', { type: () => [TicketPriorityEnum], nullable: true }) priorities?: TicketPriority[] | null,
  ): Promise<AsyncIterableIterator<LiveSlaEvent>> {
    const scope = await this.visibility.scopeOf(caller);
    return this.hub.subscribe(
      (event) =>
        (!groupId || event.groupId === groupId) && (!priorities?.length || priorities.includes(event.priority)) && scopeAdmits(scope, event),
    );
  }
}
