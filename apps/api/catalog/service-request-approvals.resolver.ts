import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ROLES } from '../../../libs/domain/auth/roles.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketModel } from '../tickets/models/ticket.model.js';
import { ApproveServiceRequestInput, RejectServiceRequestInput } from './dto/decide-service-request.input.js';
import { ServiceRequestApprovalsService } from './service-request-approvals.service.js';

// A service request's approval (issue 15): any signed-in staff member may call these; the request's approval says who
// may decide it (the named approver, a holder of its role, whom it was escalated to, or an admin).

@Resolver()
export class ServiceRequestApprovalsResolver {
  constructor(private readonly approvals: ServiceRequestApprovalsService) {}

  @Roles(...ROLES)
  @Mutation(() => TicketModel, {
    description:
      'Approves a service request waiting on your approval: its fulfilment tasks then start, one after another. Returns the request ' +
      '(its `approval` shows the decision). FORBIDDEN unless you are its approver (or hold its role, or it was escalated to you, or ' +
      'you are an admin); CONFLICT once it is decided.',
  })
  approveServiceRequest(@Args('input') input: ApproveServiceRequestInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.approvals.decide(input.requestId, 'approved', input.reason ?? null, caller);
  }

  @Roles(...ROLES)
  @Mutation(() => TicketModel, {
    description:
      'Rejects a service request waiting on your approval: its requester gets the reason in a public reply and the request is ' +
      'solved and closed; no task starts. Who may, and CONFLICT, as for approveServiceRequest.',
  })
  rejectServiceRequest(@Args('input') input: RejectServiceRequestInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.approvals.decide(input.requestId, 'rejected', input.reason, caller);
  }

  @Roles(...ROLES)
  @Query(() => [TicketModel], {
    description: 'The service requests waiting on your approval (named, by a role you hold, or escalated to you), oldest first; at most 100.',
  })
  pendingApprovals(@CurrentUser() caller: AuthenticatedUser): Promise<TicketModel[]> {
    return this.approvals.pendingFor(caller);
  }
}
