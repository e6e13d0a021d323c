import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ROLES } from '../../../libs/domain/auth/roles.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { TicketLoadersOfRequest } from '../tickets/loaders/ticket-loaders.js';
import { TicketModel } from '../tickets/models/ticket.model.js';
import { scopeAdmits } from '../tickets/ticket-visibility.js';
import { TICKET_WORKERS } from '../tickets/tickets.roles.js';
import { ServiceRequestApprovalModel } from './models/service-request-approval.model.js';
import type { ServiceRequestApproval } from './service-request-approval-rows.js';
import { ServiceRequestLoadersOfRequest } from './service-request-loaders.js';

// A service request's approval and fulfilment tasks, and a task's request, on Ticket: read through the request's
// loaders (a page of tickets costs one SQL query per field), each ticket shown only to a reader who may see it.

@Resolver(() => TicketModel)
export class ServiceRequestTicketFieldsResolver {
  constructor(
    private readonly loaders: ServiceRequestLoadersOfRequest,
    private readonly ticketLoaders: TicketLoadersOfRequest,
  ) {}

  @ResolveField(() => ServiceRequestApprovalModel, {
    nullable: true,
    description: "A service request's approval step; null when its item needs none (and for other types).",
    middleware: [fieldRoles(...ROLES)],
  })
  async approval(@Parent() ticket: TicketModel, @Context() context: object): Promise<ServiceRequestApproval | null> {
    return ticket.type === 'service_request' ? this.loaders.of(context).approvals.load(ticket.id) : null;
  }

  @ResolveField(() => [TicketModel], {
    description: "A service request's fulfilment tasks started so far (tickets of type task), in the item's order; empty for other types.",
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async fulfilmentTasks(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<TicketModel[]> {
    if (ticket.type !== 'service_request') return [];
    const [tasks, scope] = await Promise.all([this.loaders.of(context).tasksOfRequest.load(ticket.id), this.ticketLoaders.of(context).visibilityScope.load(caller)]);
    return tasks.filter((task) => scopeAdmits(scope, task));
  }

  @ResolveField(() => TicketModel, {
    nullable: true,
    description: 'The service request a fulfilment task fulfils; null for other tickets (or one the reader may not see).',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async parentRequest(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<TicketModel | null> {
    if (ticket.type !== 'task') return null;
    const requestId = await this.loaders.of(context).parentRequestIds.load(ticket.id);
    if (requestId === null) return null;
    const ticketLoaders = this.ticketLoaders.of(context);
    const request = await ticketLoaders.tickets.load(requestId);
    return request && scopeAdmits(await ticketLoaders.visibilityScope.load(caller), request) ? request : null;
  }
}
