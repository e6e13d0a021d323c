import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError, ticketRowCount, ticketWorkflowRuns } from '../support/tickets.js';

const READ_TICKET = `query($id: ID!) {
  ticket(id: $id) {
    id number subject description requesterEmail channel priority status
    live { status priority lifecycleVersion lastAgentReplyAt }
    timeline { sequence type actor }
    messages { id }
  }
}`;

describe('creating and reading a ticket over GraphQL', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  it('creates a ticket whose row and running workflow both exist', async () => {
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail: 'Customer@Example.com' }) }, agent);
    expect(errors).toBeUndefined();
    const ticket = data!.createTicket;
    expect(ticket).toMatchObject({
      subject: 'Cannot sign in',
      requesterEmail: 'customer@example.com',
      channel: 'EMAIL',
      priority: 'HIGH',
      status: 'NEW',
    });
    expect(Number(ticket.number)).toBeGreaterThan(0);

    const rows = await system.dataSource.query(
      'SELECT subject, requester_email, channel, priority, status, created_by FROM tickets WHERE id = $1',
      [ticket.id],
    );
    expect(rows).toEqual([
      { subject: 'Cannot sign in', requester_email: 'customer@example.com', channel: 'email', priority: 'high', status: 'new', created_by: agentId },
    ]);
    const description = await system.temporal.workflow.getHandle(`ticket:${ticket.id}`).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(system.config.taskQueue);
    expect(await ticketWorkflowRuns(system.temporal, ticket.id)).toHaveLength(1);
  });

  it('reads the ticket back with its live workflow state and its timeline', async () => {
    const created = (await system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'Printer on fire' }) }, agent)).data!.createTicket;

    const { data, errors } = await system.graphql(READ_TICKET, { id: created.id }, agent);
    expect(errors).toBeUndefined();
    expect(data!.ticket).toMatchObject({
      id: created.id,
      number: created.number,
      subject: 'Printer on fire',
      status: 'NEW',
      live: { status: 'NEW', priority: 'HIGH', lifecycleVersion: 1, lastAgentReplyAt: null },
      messages: [],
    });
    expect(eventsOfType(data!.ticket.timeline, 'created')).toEqual([{ sequence: 1, type: 'created', actor: agentId }]);
  });

  it('gives a ticket created without a priority the NORMAL priority', async () => {
    const input = newTicket();
    delete input.priority;
    const { data, errors } = await system.graphql(CREATE_TICKET, { input }, agent);
    expect(errors).toBeUndefined();
    expect(data!.createTicket.priority).toBe('NORMAL');
    expect(await ticketRowCount(system.dataSource, "id = $1 AND priority = 'normal'", [data!.createTicket.id])).toBe(1);
  });

  it('gives each ticket created without an idempotency key its own id and number', async () => {
    const [a, b] = await Promise.all([
      system.graphql(CREATE_TICKET, { input: newTicket() }, agent),
      system.graphql(CREATE_TICKET, { input: newTicket() }, agent),
    ]);
    expect(a.data!.createTicket.id).not.toBe(b.data!.createTicket.id);
    expect(a.data!.createTicket.number).not.toBe(b.data!.createTicket.number);
  });

  it('answers NOT_FOUND, naming the id, for a ticket that does not exist', async () => {
    const id = randomUUID();
    const error = onlyError(await system.graphql(READ_TICKET, { id }, agent));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(id);
  });

  it('answers BAD_USER_INPUT, not an internal error, for an id that is not a UUID', async () => {
    const error = onlyError(await system.graphql(READ_TICKET, { id: 'not-a-ticket-id' }, agent));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/UUID/);
  });
});
