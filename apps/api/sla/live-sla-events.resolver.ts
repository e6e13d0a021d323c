import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { LiveSlaEvent } from '../../../libs/db/live-sla-events.js';
import type { TicketPriority } from '../../../libs/domain/tickets/ticket-fields.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketPriorityEnum } from '../common/graphql-enums.js';
import { LiveSlaEventsHub } from './live-sla-events.hub.js';
import { LiveSlaEventModel } from './models/live-sla-event.model.js';
import { SLA_WATCHERS } from './sla.roles.js';

@Resolver()
export class LiveSlaEventsResolver {
  constructor(private readonly hub: LiveSlaEventsHub) {}

  @Roles(...SLA_WATCHERS)
  @Subscription(() => LiveSlaEventModel, {
    description: 'Warnings, breaches and escalations as they happen (graphql-ws), optionally for one group or some priorities.',
    resolve: (event: LiveSlaEvent): LiveSlaEventModel => ({ ...event, occurredAt: new Date(event.occurredAt) }),
  })
  slaEvents(
    @Args('groupId', { type: () => String, nullable: true }) groupId?: string | null,
    @Args('priorities', { type: () => [TicketPriorityEnum], nullable: true }) priorities?: TicketPriority[] | null,
  ): AsyncIterableIterator<LiveSlaEvent> {
    return this.hub.subscribe(
      (event) => (!groupId || event.groupId === groupId) && (!priorities?.length || priorities.includes(event.priority)),
    );
  }
}
