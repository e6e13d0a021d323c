import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { PortalRequestReceiptModel } from '../portal/models/portal-results.model.js';
import { TicketModel } from '../tickets/models/ticket.model.js';
import { TICKET_WORKERS } from '../tickets/tickets.roles.js';
import { CreateServiceRequestInput, SubmitPortalServiceRequestInput } from './dto/service-request.input.js';
import { ServiceRequestsService } from './service-requests.service.js';

const REFUSALS =
  'NOT_FOUND for an item that cannot be requested (unknown or inactive); BAD_USER_INPUT names each wrong form value (values.<name>), and nothing is written.';

@Resolver()
export class ServiceRequestsResolver {
  constructor(private readonly requests: ServiceRequestsService) {}

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, {
    description:
      'A service request from a catalog item, for a requester: a ticket of type SERVICE_REQUEST in the service’s owner group, with the form’s ' +
      `values; created atomically with its workflow as createTicket is, then its fulfilment begins. ${REFUSALS}`,
  })
  createServiceRequest(@Args('input') input: CreateServiceRequestInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.requests.create(input, caller);
  }

  @Public()
  @PublicRateLimit('portal')
  @Mutation(() => PortalRequestReceiptModel, {
    description:
      'No login: a customer’s service request from the portal’s catalog (an active, customer-visible item), as createServiceRequest; its ' +
      `acknowledgment mails the requester a link to follow it, as submitPortalRequest does. ${REFUSALS}`,
  })
  submitPortalServiceRequest(@Args('input') input: SubmitPortalServiceRequestInput): Promise<PortalRequestReceiptModel> {
    return this.requests.submitFromPortal(input);
  }
}
