import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { LiveSlaEventsHub } from './live-sla-events.hub.js';
import { LiveSlaEventsResolver } from './live-sla-events.resolver.js';
import { TicketSlaResolver } from './ticket-sla.resolver.js';
import { TicketsAtRiskResolver } from './tickets-at-risk.resolver.js';
import { TicketsAtRiskService } from './tickets-at-risk.service.js';

/** SLA state of tickets: live clocks, the at-risk list, acknowledgements and the live event subscription. */
@Module({
  imports: [TicketsModule],
  providers: [TicketSlaResolver, TicketsAtRiskResolver, TicketsAtRiskService, LiveSlaEventsHub, LiveSlaEventsResolver],
})
export class SlaModule {}
