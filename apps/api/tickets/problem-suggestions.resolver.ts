import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { fieldError } from '../common/user-error.js';
import { TicketModel } from './models/ticket.model.js';
import { ProblemSuggestionsService } from './problem-suggestions.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';

const MAX_SUGGESTIONS = 20;

@Resolver(() => TicketModel)
export class ProblemSuggestionsResolver {
  constructor(private readonly suggestions: ProblemSuggestionsService) {}

  @ResolveField(() => [TicketModel], {
    description:
      "For an incident: open problems whose subject or description shares words with the incident's subject, best match first " +
      '(the knowledge suggestions\' full-text search); with a service, that service\'s problems first and no other service\'s. ' +
      'Empty for other types. Link one with linkIncidentToProblem.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  suggestedProblems(
    @Parent() ticket: TicketModel,
    @CurrentUser() caller: AuthenticatedUser,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ): Promise<TicketModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
      throw fieldError('first', `first must be from 1 to ${MAX_SUGGESTIONS}, got ${first}.`);
    }
    return this.suggestions.forIncident(ticket, caller, first);
  }
}
