import { Module } from '@nestjs/common';
import { TicketQueueWaker } from '../tickets/ticket-queue-waker.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AGENT_AVAILABILITY_LISTENER } from './agent-availability.events.js';
import { AgentsResolver } from './agents.resolver.js';
import { AgentsService } from './agents.service.js';
import { GroupsResolver } from './groups.resolver.js';
import { GroupsService } from './groups.service.js';
import { RoutingAccuracyService } from './routing-accuracy.service.js';
import { RoutingRulesResolver } from './routing-rules.resolver.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { SimulatorResolver } from './simulator.resolver.js';
import { SimulatorService } from './simulator.service.js';

/**
 * Routing configuration: groups, agents (and their availability), ordered routing rules with their conflicts, the
 * routing simulator and production routing accuracy. An agent coming online wakes the tickets waiting for them.
 */
@Module({
  imports: [TicketsModule],
  providers: [
    GroupsResolver,
    GroupsService,
    AgentsResolver,
    AgentsService,
    RoutingRulesResolver,
    RoutingRulesService,
    SimulatorResolver,
    SimulatorService,
    RoutingAccuracyService,
    { provide: AGENT_AVAILABILITY_LISTENER, useClass: TicketQueueWaker },
  ],
  exports: [AgentsService, RoutingRulesService, SimulatorService, AGENT_AVAILABILITY_LISTENER],
})
export class RoutingModule {}
