import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { id number subject requesterEmail channel priority status }
}`;

const newTicket = (overrides: Record<string, unknown> = {}) => ({
  subject: 'Cannot sign in',
  description: 'The login page says my password is wrong after the reset.',
  requesterEmail: 'Customer@Example.com',
  channel: 'EMAIL',
  priority: 'HIGH',
  ...overrides,
});

describe('tickets over GraphQL, on the real stack', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  it('creates a ticket whose row and workflow both exist', async () => {
    const { data, errors } = await system.graphql(CREATE, { input: newTicket() }, agent);
    expect(errors).toBeUndefined();
    const ticket = data!.createTicket;
    expect(ticket).toMatchObject({ subject: 'Cannot sign in', requesterEmail: 'customer@example.com', channel: 'EMAIL', priority: 'HIGH', status: 'NEW' });
    expect(Number(ticket.number)).toBeGreaterThan(0);

    const description = await system.temporal.workflow.getHandle(`ticket:${ticket.id}`).describe();
    expect(description.status.name).toBe('RUNNING');

    const read = await system.graphql(`query($id: ID!) { ticket(id: $id) { id subject live { status priority lifecycleVersion } timeline { type actor } } }`, { id: ticket.id }, agent);
    expect(read.errors).toBeUndefined();
    expect(read.data!.ticket.live).toEqual({ status: 'NEW', priority: 'HIGH', lifecycleVersion: 1 });
    expect(read.data!.ticket.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
  });
});
