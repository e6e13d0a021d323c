import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ChangeTicketStatusInput } from './dto/change-ticket-status.input.js';
import { CreateTicketInput } from './dto/create-ticket.input.js';
import { ReclassifyTicketInput } from './dto/reclassify-ticket.input.js';
import { RecordCustomerReplyInput } from './dto/record-customer-reply.input.js';
import { ReplyToTicketInput } from './dto/reply-to-ticket.input.js';
import { TicketsFilterInput } from './dto/tickets-filter.input.js';
import { CustomerReplyResultModel } from './models/customer-reply-result.model.js';
import { TicketConnectionModel } from './models/ticket-connection.model.js';
import { TicketEventModel } from './models/ticket-event.model.js';
import { TicketLiveStateModel } from './models/ticket-live-state.model.js';
import { TicketMessageModel } from './models/ticket-message.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TicketsService } from './tickets.service.js';

const TICKET_WORKERS = ['agent', 'supervisor', 'admin'] as const;

@Resolver(() => TicketModel)
export class TicketsResolver {
  constructor(private readonly ticketsService: TicketsService) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => TicketModel)
  ticket(@Args('id', { type: () => ID }) id: string): Promise<TicketModel> {
    return this.ticketsService.get(id);
  }

  @Roles(...TICKET_WORKERS)
  @Query(() => TicketConnectionModel, {
    description: 'Newest first, with cursor pagination.',
    complexity: ({ args, childComplexity }) => Number(args.first ?? 20) * childComplexity,
  })
  tickets(
    @Args('filter', { nullable: true }) filter: TicketsFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<TicketConnectionModel> {
    return this.ticketsService.list(filter, first, after);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, { description: 'Creates the ticket and starts its workflow, atomically.' })
  createTicket(@Args('input') input: CreateTicketInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    return this.ticketsService.create(input, caller);
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

  @ResolveField(() => TicketLiveStateModel, { nullable: true, description: 'Live from the ticket workflow.' })
  async live(@Parent() ticket: TicketModel): Promise<TicketLiveStateModel> {
    const state = await this.ticketsService.liveState(ticket.id);
    return { ...state, lastAgentReplyAt: state.lastAgentReplyAt ? new Date(state.lastAgentReplyAt) : null };
  }

  @ResolveField(() => [TicketMessageModel])
  messages(@Parent() ticket: TicketModel): Promise<TicketMessageModel[]> {
    return this.ticketsService.messages(ticket.id);
  }

  @ResolveField(() => [TicketEventModel], { description: "The ticket's timeline, oldest first." })
  timeline(@Parent() ticket: TicketModel): Promise<TicketEventModel[]> {
    return this.ticketsService.timeline(ticket.id);
  }
}
