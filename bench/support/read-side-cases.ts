import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../apps/api/auth/authenticated-user.js';
import type { KnowledgeSuggestionsService } from '../../apps/api/knowledge/knowledge-suggestions.service.js';
import type { TicketsAtRiskArgs } from '../../apps/api/sla/dto/tickets-at-risk.args.js';
import type { TicketsAtRiskService } from '../../apps/api/sla/tickets-at-risk.service.js';
import type { TicketsFilterInput } from '../../apps/api/tickets/dto/tickets-filter.input.js';
import type { TicketLoadersOfRequest } from '../../apps/api/tickets/loaders/ticket-loaders.js';
import { encodeTicketCursor } from '../../apps/api/tickets/ticket-cursor.js';
import { applyTicketFilters, applyTicketOrder } from '../../apps/api/tickets/ticket-list-query.js';
import type { TicketOrder } from '../../apps/api/tickets/ticket-sort.js';
import { restrictToScope, type TicketVisibility } from '../../apps/api/tickets/ticket-visibility.js';
import type { TicketsService } from '../../apps/api/tickets/tickets.service.js';
import { TicketEntity } from '../../libs/db/entities/ticket.entity.js';

// What a supervisor and an agent read all day, each as one GraphQL operation (what the benchmark times through the
// API) and the same work through the API's own services in this process (whose SQL the benchmark captures, to
// EXPLAIN and to run again without indexes).

export type Caller = 'supervisor' | 'agent';

export interface ReadCase {
  name: string;
  caller: Caller;
  query: string;
  /** Per run (a ticket case goes round a sample of tickets, not one cached ticket). */
  variables: (run: number) => Record<string, unknown>;
  /** The same read through the API's services; resolves how many rows (tickets, events, articles) it returned. */
  inProcess: () => Promise<number>;
}

export interface ReadSideServices {
  dataSource: DataSource;
  tickets: TicketsService;
  visibility: TicketVisibility;
  atRisk: TicketsAtRiskService;
  loaders: TicketLoadersOfRequest;
  suggestions: KnowledgeSuggestionsService;
}

export interface ReadSideWorld {
  users: Record<Caller, AuthenticatedUser>;
  /** The busiest group (its tickets are the agent's too). */
  groupId: string;
  now: Date;
  /** Tickets the single-ticket cases go round, run by run. */
  sampleTicketIds: string[];
  /** A word only one ticket's subject has (its number) and a topic in about one subject in fifty. */
  rareWord: string;
  topicWord: string;
}

const PAGE = 20;
const DAY_MS = 86_400_000;
const LIST = `query($filter: TicketsFilterInput, $orderBy: TicketOrderInput, $first: Int, $after: String) {
  tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id number subject status priority type groupId assigneeId slaDeadline createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const AT_RISK = `query($withinMinutes: Int!, $groupId: String, $first: Int!) {
  ticketsAtRisk(withinMinutes: $withinMinutes, groupId: $groupId, first: $first) {
    metric deadline breached secondsToDeadline ticket { id subject priority }
  }
}`;
const TICKET = `query($id: ID!) {
  ticket(id: $id) {
    id number subject description status priority type groupId assigneeId slaDeadline createdAt
    timeline { sequence type actor occurredAt data }
    messages { id authorType authorUserId body isPublic createdAt }
  }
}`;
const SUGGESTIONS = `query($ticketId: ID!) {
  suggestKnowledgeArticles(ticketId: $ticketId, first: 5) { rank titleHighlight snippet article { id title } }
}`;
const CREATED: TicketOrder = { by: 'created_at', direction: 'desc' };
const SLA: TicketOrder = { by: 'sla_deadline', direction: 'asc' };

/** The ticket list's filter as GraphQL takes it: enum values in capitals. */
function graphqlFilter(filter: TicketsFilterInput): Record<string, unknown> {
  const upper = (values: string[] | undefined) => values?.map((value) => value.toUpperCase());
  return { ...filter, status: upper(filter.status), priority: upper(filter.priority), types: upper(filter.types) };
}

export async function readSideCases(services: ReadSideServices, world: ReadSideWorld): Promise<ReadCase[]> {
  const { users } = world;

  /** The cursor a client holds half way through the list, as if it had paged there. */
  const halfWayCursor = async (filter: TicketsFilterInput, order: TicketOrder, caller: Caller): Promise<string> => {
    const query = services.dataSource.getRepository(TicketEntity).createQueryBuilder('t');
    applyTicketFilters(query, filter, users[caller].id, world.now);
    restrictToScope(query, await services.visibility.scopeOf(users[caller]));
    const position = Math.floor((await query.getCount()) / 2);
    applyTicketOrder(query, order, null);
    const { entities, raw } = await query.offset(position).limit(1).getRawAndEntities<{ sort_key: string }>();
    return encodeTicketCursor({ ...order, key: raw[0].sort_key, id: entities[0].id });
  };

  const list = async (name: string, caller: Caller, filter: TicketsFilterInput, order: TicketOrder, deep = false): Promise<ReadCase> => {
    const after = deep ? await halfWayCursor(filter, order, caller) : undefined;
    const orderBy = { by: order.by.toUpperCase(), direction: order.direction.toUpperCase() };
    return {
      name: `tickets: ${name}, ${order === SLA ? 'SLA order' : 'newest first'}, ${deep ? 'page half way (keyset)' : 'first page'}`,
      caller,
      query: LIST,
      variables: () => ({ filter: graphqlFilter(filter), orderBy, first: PAGE, after }),
      inProcess: async () => (await services.tickets.list(filter, order, PAGE, after, users[caller])).edges.length,
    };
  };

  const atRisk = (name: string, caller: Caller, args: { withinMinutes: number; groupId?: string }): ReadCase => ({
    name: `ticketsAtRisk: ${name}`,
    caller,
    query: AT_RISK,
    variables: () => ({ ...args, first: 50 }),
    inProcess: async () => (await services.atRisk.list({ ...args, first: 50 } as TicketsAtRiskArgs, users[caller])).length,
  });

  const sample = (run: number) => world.sampleTicketIds[run % world.sampleTicketIds.length];
  const everything: TicketsFilterInput = {};
  const openInGroup: TicketsFilterInput = { status: ['open'], groupIds: [world.groupId] };
  const urgentOrHigh: TicketsFilterInput = { priority: ['urgent', 'high'] };
  const lastWeek: TicketsFilterInput = { createdAt: { from: new Date(world.now.getTime() - 7 * DAY_MS) } };
  const incidents: TicketsFilterInput = { types: ['incident'] };
  const mine: TicketsFilterInput = { assignee: { me: true } };
  return [
    // The floor under every read: a GraphQL call (HTTP, token check, caller's row) that reads nothing else.
    { name: 'floor: { __typename }, no read', caller: 'supervisor', query: '{ __typename }', variables: () => ({}), inProcess: async () => 0 },
    await list('all', 'supervisor', everything, CREATED),
    await list('all', 'supervisor', everything, CREATED, true),
    await list('all', 'supervisor', everything, SLA),
    await list('all', 'supervisor', everything, SLA, true),
    await list('status open + a group', 'supervisor', openInGroup, CREATED),
    await list('status open + a group', 'supervisor', openInGroup, SLA),
    await list('priority urgent or high', 'supervisor', urgentOrHigh, CREATED),
    await list('priority urgent or high', 'supervisor', urgentOrHigh, CREATED, true),
    await list('created in the last 7 days', 'supervisor', lastWeek, CREATED),
    await list('created in the last 7 days', 'supervisor', lastWeek, SLA),
    await list('type incident', 'supervisor', incidents, CREATED),
    await list('type incident', 'supervisor', incidents, CREATED, true),
    await list(`search "${world.rareWord}" (one ticket)`, 'supervisor', { search: world.rareWord }, CREATED),
    await list(`search "${world.topicWord}" (a topic)`, 'supervisor', { search: world.topicWord }, CREATED),
    await list('assignee me (agent)', 'agent', mine, CREATED),
    await list('assignee me (agent)', 'agent', mine, CREATED, true),
    await list('assignee me (agent)', 'agent', mine, SLA),
    await list('all an agent may see', 'agent', everything, CREATED),
    atRisk('within 60 minutes (supervisor)', 'supervisor', { withinMinutes: 60 }),
    atRisk('within 60 minutes, a group (supervisor)', 'supervisor', { withinMinutes: 60, groupId: world.groupId }),
    atRisk('within 60 minutes (agent)', 'agent', { withinMinutes: 60 }),
    {
      name: 'ticket with its timeline and messages (agent)',
      caller: 'agent',
      query: TICKET,
      variables: (run) => ({ id: sample(run) }),
      inProcess: async () => {
        const ticket = await services.tickets.get(sample(0), users.agent);
        const loaders = services.loaders.of({});
        const [messages, timeline] = await Promise.all([loaders.messages.load(ticket.id), loaders.timeline.load(ticket.id)]);
        return messages.length + timeline.length;
      },
    },
    {
      name: 'suggestKnowledgeArticles for a ticket (agent)',
      caller: 'agent',
      query: SUGGESTIONS,
      variables: (run) => ({ ticketId: sample(run) }),
      inProcess: async () => {
        await services.tickets.get(sample(0), users.agent);
        return (await services.suggestions.forTicket(sample(0), 5)).length;
      },
    },
  ];
}
