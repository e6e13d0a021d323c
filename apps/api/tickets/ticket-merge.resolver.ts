import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { MergeTicketsInput } from './dto/merge-tickets.input.js';
import { TicketMergeResultModel } from './models/ticket-merge-result.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';


@Resolver(() => TicketModel)
export class TicketMergeResolver {
  constructor(private readonly merges: TicketMergeService) {}

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketMergeResultModel, {
    description:
      'Merges a duplicate into a primary ticket of the same requester: the duplicate closes as merged (not solved, no survey), ' +
      'its requester is told once, its messages stay on it and are linked from the primary (`mergedTickets`).',
  })
  mergeTickets(@Args('input') input: MergeTicketsInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketMergeResultModel> {
    return this.merges.merge(input, caller);
  }

  @ResolveField(() => TicketModel, { nullable: true, description: 'The ticket this one was merged into.', middleware: [fieldRoles(...TICKET_WORKERS)] })
  mergedInto(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel | null> {
    return this.merges.mergedInto(ticket.id, caller);
  }

  @ResolveField(() => [TicketModel], { description: 'The duplicates merged into this ticket, with their messages.', middleware: [fieldRoles(...TICKET_WORKERS)] })
  mergedTickets(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel[]> {
    return this.merges.mergedTickets(ticket.id, caller);
  }
}
