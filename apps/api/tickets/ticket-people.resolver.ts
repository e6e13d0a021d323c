import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { TicketLoadersOfRequest } from './loaders/ticket-loaders.js';
import { TicketEventModel } from './models/ticket-event.model.js';
import { TicketMessageModel } from './models/ticket-message.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TICKET_WORKERS } from './tickets.roles.js';

// The names of the people a ticket mentions by id (assignee, reply authors, timeline actors), so a screen shows "Ana"
// where the row holds a user id: all the names a request asks for load in one query (the request's userNames loader).

const nameOf = (loaders: TicketLoadersOfRequest, context: object, userId: string | null): Promise<string | null> =>
  userId ? loaders.of(context).userNames.load(userId) : Promise.resolve(null);

@Resolver(() => TicketModel)
export class TicketAssigneeNameResolver {
  constructor(private readonly loaders: TicketLoadersOfRequest) {}

  @ResolveField(() => String, { nullable: true, description: "The assignee's display name; null while unassigned.", middleware: [fieldRoles(...TICKET_WORKERS)] })
  assigneeName(@Parent() ticket: TicketModel, @Context() context: object): Promise<string | null> {
    return nameOf(this.loaders, context, ticket.assigneeId);
  }
}

@Resolver(() => TicketMessageModel)
export class TicketMessageAuthorNameResolver {
  constructor(private readonly loaders: TicketLoadersOfRequest) {}

  @ResolveField(() => String, { nullable: true, description: "The agent's display name; null for customer messages.", middleware: [fieldRoles(...TICKET_WORKERS)] })
  authorName(@Parent() message: TicketMessageModel, @Context() context: object): Promise<string | null> {
    return nameOf(this.loaders, context, message.authorUserId);
  }
}

@Resolver(() => TicketEventModel)
export class TicketEventActorNameResolver {
  constructor(private readonly loaders: TicketLoadersOfRequest) {}

  @ResolveField(() => String, { nullable: true, description: "The acting user's display name; null for 'system'.", middleware: [fieldRoles(...TICKET_WORKERS)] })
  actorName(@Parent() event: TicketEventModel, @Context() context: object): Promise<string | null> {
    return nameOf(this.loaders, context, event.actor);
  }
}
