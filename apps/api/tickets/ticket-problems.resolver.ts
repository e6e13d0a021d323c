import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { KnownError } from '../../../libs/db/problem-known-errors.js';
import { repeatedIncidentCount } from '../../../libs/domain/tickets/problem-links.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { LinkIncidentToProblemInput } from './dto/link-incident-to-problem.input.js';
import { SetProblemKnownErrorInput } from './dto/set-problem-known-error.input.js';
import { SolveProblemInput } from './dto/solve-problem.input.js';
import { UnlinkIncidentFromProblemInput } from './dto/unlink-incident-from-problem.input.js';
import { TicketLoadersOfRequest } from './loaders/ticket-loaders.js';
import { KnownErrorModel } from './models/known-error.model.js';
import { TicketModel } from './models/ticket.model.js';
import { ProblemKnownErrorsService } from './problem-known-errors.service.js';
import { TicketProblemsService } from './ticket-problems.service.js';
import { scopeAdmits } from './ticket-visibility.js';
import { TICKET_WORKERS } from './tickets.roles.js';

// Problems and their incidents (issue 15): the mutations, and the fields a page of tickets reads in a few SQL queries
// (the request's loaders), each ticket shown only to a reader who may see it (ticket-visibility.ts).

@Resolver(() => TicketModel)
export class TicketProblemsResolver {
  constructor(
    private readonly problems: TicketProblemsService,
    private readonly knownErrors: ProblemKnownErrorsService,
    private readonly loaders: TicketLoadersOfRequest,
  ) {}

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, {
    description:
      'Links an incident to the problem behind it (at most one; relinking to the same problem changes nothing); both timelines note it. ' +
      'Returns the incident: its `problem { knownError }` is what to work with meanwhile.',
  })
  linkIncidentToProblem(@Args('input') input: LinkIncidentToProblemInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.problems.link(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: 'Unlinks an incident from its problem; both timelines note it (a closed problem’s stays as it was).' })
  unlinkIncidentFromProblem(@Args('input') input: UnlinkIncidentFromProblemInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.problems.unlink(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: "Sets (or replaces) a problem's known error; its timeline notes who did (known_error_recorded)." })
  setProblemKnownError(@Args('input') input: SetProblemKnownErrorInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.knownErrors.set(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, {
    description:
      'Solves a problem, then each linked incident not yet solved or closed, each through its own workflow: one public reply ' +
      '(`replyToIncidents`, filled with that incident’s facts) mailed to its requester, then solved, with no separate solved notice. ' +
      'Returns the problem, solved; its incidents follow within moments. A plain status change to solved leaves the incidents as they are.',
  })
  solveProblem(@Args('input') input: SolveProblemInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.problems.solve(input, caller);
  }

  @ResolveField(() => TicketModel, {
    nullable: true,
    description: "The problem this incident is linked to; null when none (or one the reader may not see).",
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async problem(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<TicketModel | null> {
    if (!ticket.problemId) return null;
    const loaders = this.loaders.of(context);
    const problem = await loaders.tickets.load(ticket.problemId);
    return problem && scopeAdmits(await loaders.visibilityScope.load(caller), problem) ? problem : null;
  }

  @ResolveField(() => [TicketModel], {
    description: 'The incidents linked to this problem that the reader may see, oldest first (empty for other types).',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  incidents(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<TicketModel[]> {
    return this.visibleIncidents(ticket, caller, context);
  }

  @ResolveField(() => Int, { description: 'How many incidents are linked to this problem (as `incidents` lists them).', middleware: [fieldRoles(...TICKET_WORKERS)] })
  async incidentCount(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<number> {
    return (await this.visibleIncidents(ticket, caller, context)).length;
  }

  @ResolveField(() => Int, {
    description:
      'Repeated incidents: those linked to this problem beyond the first (incidentCount − 1, never below 0), the same fault hitting again.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async repeatedIncidentCount(@Parent() ticket: TicketModel, @CurrentUser() caller: AuthenticatedUser, @Context() context: object): Promise<number> {
    return repeatedIncidentCount((await this.visibleIncidents(ticket, caller, context)).length);
  }

  @ResolveField(() => KnownErrorModel, {
    nullable: true,
    description: "A problem's known error and workaround; null when none is set (and for other types).",
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async knownError(@Parent() ticket: TicketModel, @Context() context: object): Promise<KnownError | null> {
    return ticket.type === 'problem' ? this.loaders.of(context).knownErrors.load(ticket.id) : null;
  }

  private async visibleIncidents(ticket: TicketModel, caller: AuthenticatedUser, context: object): Promise<TicketModel[]> {
    if (ticket.type !== 'problem') return []; // only problems have incidents: no query for the others on a page
    const loaders = this.loaders.of(context);
    const [incidents, scope] = await Promise.all([loaders.incidentsOfProblem.load(ticket.id), loaders.visibilityScope.load(caller)]);
    return incidents.filter((incident) => scopeAdmits(scope, incident));
  }
}
