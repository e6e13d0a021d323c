import { Module } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Roles } from '../../apps/api/auth/roles.decorator.js';
import { LIVE_STATE_QUERY_CONCURRENCY } from '../../apps/api/tickets/loaders/ticket-loaders.js';
import { TicketModel } from '../../apps/api/tickets/models/ticket.model.js';
import { TicketsModule } from '../../apps/api/tickets/tickets.module.js';
import { TicketsService } from '../../apps/api/tickets/tickets.service.js';
import { createDataSource } from '../../libs/db/data-source.js';
import { startApiReplica, type ApiReplica } from '../support/api-replica.js';
import { dataOf } from '../support/graphql-responses.js';
import { countWorkflowQueries, RecordingQueryLogger } from '../support/query-counters.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket } from '../support/tickets.js';

const PAGE_SIZE = 100;

const PAGE = `query($email: String!, $first: Int!) {
  tickets(filter: { requesterEmail: $email }, first: $first) {
    edges { node { id live { status } sla { metrics { metric } } messages { body } timeline { sequence type } } }
  }
}`;

const PROBLEM_PAGE = `query($email: String!, $first: Int!) {
  tickets(filter: { requesterEmail: $email }, first: $first) { edges { node { id problem { id knownError { note } } } } }
}`;
const RECLASSIFY = `mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { id } }`;
const LINK = `mutation($input: LinkIncidentToProblemInput!) { linkIncidentToProblem(input: $input) { id } }`;
const KNOWN_ERROR = `mutation($input: SetProblemKnownErrorInput!) { setProblemKnownError(input: $input) { id } }`;

/**
 * Test only: a query that hands a Ticket to a role Ticket's expensive fields do not admit (implementation leads), as a
 * future parent with wider access might. The fields must refuse on their own.
 */
@Resolver()
class WiderTicketParentResolver {
  constructor(private readonly tickets: TicketsService) {}

  @Roles('implementation_lead')
  @Query(() => TicketModel)
  ticketForImplementationLeads(@Args('id', { type: () => ID }) id: string): Promise<TicketModel> {
    return this.tickets.get(id, 'system');
  }
}

@Module({ imports: [TicketsModule], providers: [WiderTicketParentResolver] })
class WiderTicketParentModule {}

describe('the fields of Ticket: batched per request, and guarded on their own', () => {
  let system: TestSystem;
  let replica: ApiReplica;
  let replicaDataSource: DataSource;
  let sql: RecordingQueryLogger;
  let workflowQueries: ReturnType<typeof countWorkflowQueries>;
  let supervisor: string;
  let lead: string;
  const requester = `batch-${randomBytes(3).toString('hex')}@customer.example`;
  let ticketIds: string[];

  beforeAll(async () => {
    // A page of 100 with these fields costs 1,300 in the complexity limit (default 500): an operator raises it to allow one.
    system = await startTestSystem({ graphqlMaxComplexity: 2000 });
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ({ token: lead } = await system.signIn(['implementation_lead']));

    // A replica of the API with its own pool and Temporal client, so what it does (and only that) is counted.
    sql = new RecordingQueryLogger();
    replicaDataSource = createDataSource({ url: system.config.databaseUrl, poolSize: 4 });
    await replicaDataSource.initialize();
    replicaDataSource.setOptions({ logger: sql });
    const temporal = new Client({ connection: system.temporal.connection, namespace: system.config.temporalNamespace });
    workflowQueries = countWorkflowQueries(temporal);
    replica = await startApiReplica(system, { dataSource: replicaDataSource, temporal, imports: [WiderTicketParentModule] });

    ticketIds = [];
    for (let batch = 0; batch < PAGE_SIZE / 10; batch++) {
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail: requester, subject: `Batch ticket ${batch * 10 + i}` }) }, supervisor),
        ),
      );
      ticketIds.push(...created.map((response) => dataOf(response).createTicket.id));
    }
  }, 300_000);

  afterAll(async () => {
    await replica?.stop();
    await replicaDataSource?.destroy();
    await system?.stop();
  });

  it(`reads a page of ${PAGE_SIZE} tickets with live, sla, messages and timeline in as many SQL queries as a page of 5, one workflow query per ticket, at most ${LIVE_STATE_QUERY_CONCURRENCY} at once`, async () => {
    const statementsFor = async (first: number) => {
      workflowQueries.reset();
      let page: Array<{ id: string; live: { status: string }; timeline: unknown[] }> = [];
      const statements = await sql.during(async () => {
        page = dataOf(await replica.graphql(PAGE, { email: requester, first }, supervisor)).tickets.edges.map((edge: { node: unknown }) => edge.node);
      });
      return { page, statements };
    };

    const small = await statementsFor(5);
    expect(workflowQueries.count()).toBe(5);
    const full = await statementsFor(PAGE_SIZE);

    expect(full.page.map((ticket) => ticket.id).sort()).toEqual([...ticketIds].sort());
    expect(full.page.every((ticket) => ticket.live.status === 'NEW' || ticket.live.status === 'OPEN')).toBe(true);
    expect(full.page.every((ticket) => ticket.timeline.length > 0)).toBe(true);
    // SQL: the messages and timelines of the whole page in one query each; nothing grows with the page.
    const reading = (table: string) => full.statements.filter((statement) => statement.includes(`FROM "${table}"`));
    expect(reading('ticket_messages')).toHaveLength(1);
    expect(reading('ticket_events')).toHaveLength(1);
    expect(full.statements).toHaveLength(small.statements.length);
    // The caller (token check), the page, its messages, its timelines.
    expect(full.statements).toHaveLength(4);
    // Temporal: `live` and `sla` share one query per ticket (no batch query exists), never more than the limit at once.
    expect(workflowQueries.count()).toBe(PAGE_SIZE);
    expect(new Set(workflowQueries.workflowIds()).size).toBe(PAGE_SIZE);
    expect(workflowQueries.peakInFlight()).toBeLessThanOrEqual(LIVE_STATE_QUERY_CONCURRENCY);
    expect(workflowQueries.peakInFlight()).toBeGreaterThan(1); // concurrent, not one after another
  }, 120_000);

  it('asks a ticket’s workflow once per request, however many fields and aliases want it', async () => {
    workflowQueries.reset();
    const response = await replica.graphql(
      `query($id: ID!) { a: ticket(id: $id) { live { status } sla { metrics { metric } } } b: ticket(id: $id) { live { lifecycleVersion } } }`,
      { id: ticketIds[0] },
      supervisor,
    );
    expect(response.errors).toBeUndefined();
    expect(workflowQueries.count()).toBe(1);
  });

  it.each([
    'live { status }',
    'sla { escalationLevel }',
    'messages { body }',
    'timeline { sequence }',
    'fields { name }',
    'collaborators { email }',
    'mergedInto { id }',
    'mergedTickets { id }',
    'problem { id }',
    'incidents { id }',
    'incidentCount',
    'repeatedIncidentCount',
    'knownError { note }',
  ])(
    'refuses Ticket.%s to a role it does not admit, even when a parent hands that role the ticket',
    async (field) => {
      const query = (selection: string) => `query($id: ID!) { ticketForImplementationLeads(id: $id) { ${selection} } }`;
      // The parent admits the lead: the ticket's plain facts come back.
      const plain = await replica.graphql(query('id subject'), { id: ticketIds[0] }, lead);
      expect(plain.errors).toBeUndefined();
      expect(plain.data!.ticketForImplementationLeads.id).toBe(ticketIds[0]);

      workflowQueries.reset();
      const guarded = await replica.graphql(query(`id ${field}`), { id: ticketIds[0] }, lead);
      const fieldName = field.split(' ')[0];
      expect(guarded.errors).toHaveLength(1);
      expect(guarded.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, path: ['ticketForImplementationLeads', fieldName] });
      expect(workflowQueries.count()).toBe(0); // refused before anything was read
    },
  );

  it(`reads the problems of a page of ${PAGE_SIZE} incidents, with their known error, in as many SQL queries as a page of 5`, async () => {
    const problem = dataOf(await system.graphql(CREATE_TICKET, { input: newTicket({ type: 'PROBLEM', requesterEmail: 'ops@example.com' }) }, supervisor)).createTicket;
    dataOf(await system.graphql(KNOWN_ERROR, { input: { problemId: problem.id, note: 'Known.', workaround: 'Restart.' } }, supervisor));
    for (let batch = 0; batch < PAGE_SIZE; batch += 10) {
      await Promise.all(
        ticketIds.slice(batch, batch + 10).map(async (incidentId) => {
          dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: incidentId, type: 'INCIDENT' } }, supervisor));
          dataOf(await system.graphql(LINK, { input: { incidentId, problemId: problem.id } }, supervisor));
        }),
      );
    }
    const statementsFor = async (first: number) => {
      let page: Array<{ problem: { id: string; knownError: { note: string } } }> = [];
      const statements = await sql.during(async () => {
        page = dataOf(await replica.graphql(PROBLEM_PAGE, { email: requester, first }, supervisor)).tickets.edges.map((edge: { node: unknown }) => edge.node);
      });
      return { page, statements };
    };

    const small = await statementsFor(5);
    const full = await statementsFor(PAGE_SIZE);

    expect(full.page).toHaveLength(PAGE_SIZE);
    expect(full.page.every((ticket) => ticket.problem.id === problem.id && ticket.problem.knownError.note === 'Known.')).toBe(true);
    // The caller, the page, the problems of the page, their known errors: nothing grows with the page.
    expect(full.statements).toHaveLength(small.statements.length);
    expect(full.statements).toHaveLength(4);
  }, 120_000);
});
