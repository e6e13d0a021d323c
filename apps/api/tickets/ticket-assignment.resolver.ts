import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { AssignTicketInput } from './dto/assign-ticket.input.js';
import { TicketAssignmentModel } from './models/ticket-assignment.model.js';
import { TicketAssignmentService } from './ticket-assignment.service.js';

@Resolver()
export class TicketAssignmentResolver {
  constructor(private readonly assignment: TicketAssignmentService) {}

  @Roles('agent', 'supervisor', 'admin')
  @Mutation(() => TicketAssignmentModel, {
    description:
      'Assigns (or unassigns) the ticket and/or moves it to a group, through its workflow; agents within their own groups. ' +
      'Supervisors may assign to an agent who is not online or has no room: `warnings` says so.',
  })
  assignTicket(@Args('input') input: AssignTicketInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketAssignmentModel> {
    return this.assignment.assign(input, caller);
  }
}
