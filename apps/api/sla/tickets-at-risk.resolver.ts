import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketsAtRiskArgs } from './dto/tickets-at-risk.args.js';
import { TicketAtRiskModel } from './models/ticket-at-risk.model.js';
import { SLA_WATCHERS } from './sla.roles.js';
import { TicketsAtRiskService } from './tickets-at-risk.service.js';

@Resolver()
export class TicketsAtRiskResolver {
  constructor(private readonly atRisk: TicketsAtRiskService) {}

  @Roles(...SLA_WATCHERS)
  @Query(() => [TicketAtRiskModel], {
    description: 'Tickets breaching within the window or already breached, soonest deadline first.',
    complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity,
  })
  ticketsAtRisk(@Args() args: TicketsAtRiskArgs, @CurrentUser() caller: AuthenticatedUser): Promise<TicketAtRiskModel[]> {
    return this.atRisk.list(args, caller);
  }
}
