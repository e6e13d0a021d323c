import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { LiveRolloutEvent } from '../../../libs/db/live-rollout-events.js';
import { Roles } from '../auth/roles.decorator.js';
import { LiveRolloutEventsHub } from './live-rollout-events.hub.js';
import { LiveRolloutEventModel } from './models/live-rollout-event.model.js';
import { ROLLOUT_USERS } from './rollout.roles.js';

@Resolver()
export class LiveRolloutEventsResolver {
  constructor(private readonly hub: LiveRolloutEventsHub) {}

  @Roles(...ROLLOUT_USERS)
  @Subscription(() => LiveRolloutEventModel, {
    description: "A rollout's timeline events as they happen (graphql-ws): tasks, gates, overdue reports, notifications, pilot, reviews.",
    resolve: (event: LiveRolloutEvent): LiveRolloutEventModel => ({ ...event, occurredAt: new Date(event.occurredAt) }),
  })
  rolloutEvents(@Args('rolloutId', { type: () => ID }) rolloutId: string): AsyncIterableIterator<LiveRolloutEvent> {
    return this.hub.subscribe((event) => event.rolloutId === rolloutId);
  }
}
