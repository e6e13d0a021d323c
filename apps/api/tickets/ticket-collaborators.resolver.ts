import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketCollaboratorInput } from './dto/ticket-collaborator.input.js';
import { TicketCollaboratorModel } from './models/ticket-collaborator.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TicketCollaboratorsService } from './ticket-collaborators.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';


@Resolver(() => TicketModel)
export class TicketCollaboratorsResolver {
  constructor(private readonly service: TicketCollaboratorsService) {}

  @Roles(...TICKET_WORKERS)
  @Mutation(() => [TicketCollaboratorModel], { description: "Copies an address on the ticket's public replies (collaborator_added on the timeline)." })
  addTicketCollaborator(@Args('input') input: TicketCollaboratorInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketCollaboratorModel[]> {
    return this.service.add(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => [TicketCollaboratorModel], { description: 'Stops copying the address (collaborator_removed on the timeline).' })
  removeTicketCollaborator(@Args('input') input: TicketCollaboratorInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketCollaboratorModel[]> {
    return this.service.remove(input, caller);
  }

  @ResolveField(() => [TicketCollaboratorModel], { description: 'Addresses copied on the public replies (CC), in the order added.', middleware: [fieldRoles(...TICKET_WORKERS)] })
  collaborators(@Parent() ticket: TicketModel): Promise<TicketCollaboratorModel[]> {
    return this.service.list(ticket.id);
  }
}
