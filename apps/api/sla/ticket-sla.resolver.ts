import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketLoadersOfRequest } from '../tickets/loaders/ticket-loaders.js';
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
    private readonly loaders: TicketLoadersOfRequest,
  ) {}

  /** Own role check (guards do not run on field resolvers); the workflow query is the one `live` uses, once per ticket. */
  @ResolveField(() => TicketSlaModel, {
    description: 'Per metric: target, elapsed and remaining business time, deadline, breach — live.',
    middleware: [fieldRoles(...SLA_WATCHERS)],
  })
  async sla(@Parent() ticket: TicketModel, @Context() context: object): Promise<TicketSlaModel> {
    return slaView(await this.loaders.of(context).liveState.load(ticket.id), Date.now());
  }

  @Roles(...SLA_WATCHERS)
  @Mutation(() => TicketModel, { description: 'Stops the repeating escalation steps of a ticket; recorded on its timeline.' })
  async acknowledgeEscalation(@Args('input') input: AcknowledgeEscalationInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    await this.tickets.get(input.ticketId, caller);
    await this.workflows.acknowledgeEscalation(input.ticketId, { actorUserId: caller.id, note: input.note ?? null });
    return this.tickets.get(input.ticketId, 'system');
  }
}
