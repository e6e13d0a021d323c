import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module.js';
import { LiveRolloutEventsHub } from './live-rollout-events.hub.js';
import { LiveRolloutEventsResolver } from './live-rollout-events.resolver.js';
import { RolloutGatesResolver } from './rollout-gates.resolver.js';
import { RolloutMeasuresResolver } from './rollout-measures.resolver.js';
import { RolloutMeasuresService } from './rollout-measures.service.js';
import { RolloutPilotResolver } from './rollout-pilot.resolver.js';
import { RolloutTemplatesResolver } from './rollout-templates.resolver.js';
import { RolloutTemplatesService } from './rollout-templates.service.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { RolloutsResolver } from './rollouts.resolver.js';
import { RolloutsService } from './rollouts.service.js';

/** Rollout orchestration: plan templates, rollouts with their tasks and gates, baseline and measures, the pilot, reviews, and the live event subscription. */
@Module({
  imports: [RoutingModule],
  providers: [
    RolloutWorkflowsClient,
    RolloutTemplatesService,
    RolloutTemplatesResolver,
    RolloutsService,
    RolloutsResolver,
    RolloutGatesResolver,
    RolloutMeasuresService,
    RolloutMeasuresResolver,
    RolloutPilotResolver,
    LiveRolloutEventsHub,
    LiveRolloutEventsResolver,
  ],
})
export class RolloutModule {}
