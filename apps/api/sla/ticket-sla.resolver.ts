import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketModel } from '../tickets/models/ticket.model.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { TicketWorkflowsClient } from '../tickets/ticket-workflows.client.js';
import { AcknowledgeEscalationInput } from './dto/acknowledge-escalation.input.js';
import { TicketSlaModel } from './models/ticket-sla.model.js';
import { SLA_WATCHERS } from './sla.roles.js';
import { slaView } from './sla-view.js';

/** A ticket's live SLA (from its workflow) and the acknowledgement that stops an escalation's repeats. */
@Resolver(() => TicketModel)
export class TicketSlaResolver {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  @ResolveField(() => TicketSlaModel, { description: 'Per metric: target, elapsed and remaining business time, deadline, breach — live.' })
  async sla(@Parent() ticket: TicketModel): Promise<TicketSlaModel> {
    return slaView(await this.workflows.liveState(ticket.id), Date.now());
  }

  @Roles(...SLA_WATCHERS)
  @Mutation(() => TicketModel, { description: 'Stops the repeating escalation steps of a ticket; recorded on its timeline.' })
  async acknowledgeEscalation(@Args('input') input: AcknowledgeEscalationInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    await this.tickets.get(input.ticketId);
    await this.workflows.acknowledgeEscalation(input.ticketId, { actorUserId: caller.id, note: input.note ?? null });
    return this.tickets.get(input.ticketId);
  }
}
