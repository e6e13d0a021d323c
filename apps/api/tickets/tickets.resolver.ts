import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { ChangeTicketStatusInput } from './dto/change-ticket-status.input.js';
import { CreateTicketInput } from './dto/create-ticket.input.js';
import { ReclassifyTicketInput } from './dto/reclassify-ticket.input.js';
import { RecordCustomerReplyInput } from './dto/record-customer-reply.input.js';
import { ReplyToTicketInput } from './dto/reply-to-ticket.input.js';
import { TicketsFilterInput } from './dto/tickets-filter.input.js';
import { TicketOrderInput } from './dto/ticket-order.input.js';
import { CustomerReplyResultModel } from './models/customer-reply-result.model.js';
import { TicketConnectionModel } from './models/ticket-connection.model.js';
import { TicketEventModel } from './models/ticket-event.model.js';
import { TicketLiveStateModel } from './models/ticket-live-state.model.js';
import { TicketMessageModel } from './models/ticket-message.model.js';
import { TicketModel } from './models/ticket.model.js';
import { DEFAULT_TICKET_ORDER } from './ticket-sort.js';
import { TicketLoadersOfRequest } from './loaders/ticket-loaders.js';
import { TicketFieldDefinitionsService } from './ticket-field-definitions.service.js';
import { TicketsService } from './tickets.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';


@Resolver(() => TicketModel)
export class TicketsResolver {
  constructor(
    private readonly ticketsService: TicketsService,
    private readonly loaders: TicketLoadersOfRequest,
    private readonly fieldDefinitions: TicketFieldDefinitionsService,
  ) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => TicketModel)
  ticket(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.ticketsService.get(id, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Query(() => TicketConnectionModel, {
    description: 'The tickets the caller may see, filtered; newest first unless orderBy says otherwise; cursor pagination.',
    complexity: ({ args, childComplexity }) => Number(args.first ?? 20) * childComplexity,
  })
  tickets(
    @Args('filter', { nullable: true }) filter: TicketsFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @CurrentUser() caller: AuthenticatedUser,
    @Args('after', { nullable: true, description: 'endCursor of the previous page (taken with the same orderBy).' }) after?: string,
    @Args('orderBy', { nullable: true }) orderBy?: TicketOrderInput,
  ): Promise<TicketConnectionModel> {
    const order = { by: orderBy?.by ?? DEFAULT_TICKET_ORDER.by, direction: orderBy?.direction ?? DEFAULT_TICKET_ORDER.direction };
    return this.ticketsService.list(filter, order, first, after, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: 'Creates the ticket and starts its workflow, atomically. Defined custom fields must fit their definitions.' })
  async createTicket(@Args('input') input: CreateTicketInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    const fields = await this.fieldDefinitions.checkedChanges(Object.fromEntries((input.fields ?? []).map((f) => [f.name, f.value])));
    return this.ticketsService.create({ ...input, fields: Object.entries(fields).map(([name, value]) => ({ name, value })) }, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketMessageModel, { description: "An agent's public reply or internal note." })
  replyToTicket(@Args('input') input: ReplyToTicketInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketMessageModel> {
    return this.ticketsService.reply(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: 'Move the ticket to another status (e.g. solved); invalid moves are refused.' })
  changeTicketStatus(@Args('input') input: ChangeTicketStatusInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.ticketsService.changeStatus(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => CustomerReplyResultModel, {
    description: "Logs a customer's message: reopens a solved ticket, or opens a follow-up when the ticket is closed.",
  })
  recordCustomerReply(@Args('input') input: RecordCustomerReplyInput, @CurrentUser() caller: AuthenticatedUser): Promise<CustomerReplyResultModel> {
    return this.ticketsService.recordCustomerReply(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: 'Changes priority, group, organization, tier or tags; the SLA policy is chosen again.' })
  reclassifyTicket(@Args('input') input: ReclassifyTicketInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.ticketsService.reclassify(input, caller);
  }

  // The fields below carry their own role check (guards do not run on field resolvers) and load through the
  // request's loaders, so a page of tickets costs one query per field, not one per ticket (loaders/ticket-loaders.ts).

  @ResolveField(() => TicketLiveStateModel, { nullable: true, description: 'Live from the ticket workflow.', middleware: [fieldRoles(...TICKET_WORKERS)] })
  async live(@Parent() ticket: TicketModel, @Context() context: object): Promise<TicketLiveStateModel> {
    const state = await this.loaders.of(context).liveState.load(ticket.id);
    return {
      ...state,
      // A worker still on code from before ticket types answers without one: the row's is the same.
      type: state.type ?? ticket.type,
      lastAgentReplyAt: state.lastAgentReplyAt ? new Date(state.lastAgentReplyAt) : null,
    };
  }

  @ResolveField(() => [TicketMessageModel], { middleware: [fieldRoles(...TICKET_WORKERS)] })
  messages(@Parent() ticket: TicketModel, @Context() context: object): Promise<TicketMessageModel[]> {
    return this.loaders.of(context).messages.load(ticket.id);
  }

  @ResolveField(() => [TicketEventModel], { description: "The ticket's timeline, oldest first.", middleware: [fieldRoles(...TICKET_WORKERS)] })
  timeline(@Parent() ticket: TicketModel, @Context() context: object): Promise<TicketEventModel[]> {
    return this.loaders.of(context).timeline.load(ticket.id);
  }
}
