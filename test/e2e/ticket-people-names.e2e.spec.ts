import { waitFor } from '../../libs/devstack/wait-for.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The names a ticket screen shows where the rows hold user ids: the assignee, the agent behind a reply, the person
// behind a timeline event (null for the help desk itself and for customers).

const CREATE_GROUP = 'mutation { createGroup(input: { name: "Names" }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const GO_ONLINE = 'mutation { setMyAvailability(availability: ONLINE) { availability } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
const CUSTOMER_REPLY = 'mutation($input: RecordCustomerReplyInput!) { recordCustomerReply(input: $input) { followUp } }';
const NAMES = `query($id: ID!) {
  ticket(id: $id) { assigneeId assigneeName messages { authorType authorName } timeline { type actor actorName } }
}`;

describe('names on a ticket', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('names the assignee, the replying agent and the acting users; null for the system and for customers', async () => {
    const { token: admin } = await system.signIn(['admin']);
    const agent = await system.signIn(['agent']);
    const groupId = dataOf(await system.graphql(CREATE_GROUP, {}, admin)).createGroup.id;
    dataOf(await system.graphql(UPSERT_AGENT, { input: { userId: agent.userId, groupIds: [groupId] } }, admin));
    dataOf(await system.graphql(GO_ONLINE, {}, agent.token));
    const input = { subject: 'Who is on it?', description: '…', requesterEmail: 'names@customer.example', channel: 'EMAIL', groupId };
    const ticketId = dataOf(await system.graphql(CREATE_TICKET, { input }, agent.token)).createTicket.id;
    await waitFor('the assignment', async () => {
      if (dataOf(await system.graphql(NAMES, { id: ticketId }, agent.token)).ticket.assigneeId !== agent.userId) throw new Error('not yet');
    }, 20_000);
    dataOf(await system.graphql(REPLY, { input: { ticketId, body: 'On it.' } }, agent.token));
    dataOf(await system.graphql(CUSTOMER_REPLY, { input: { ticketId, body: 'Thanks!' } }, agent.token));

    const { ticket } = dataOf(await system.graphql(NAMES, { id: ticketId }, agent.token));
    expect(ticket.assigneeName).toBe(agent.email);
    expect(ticket.messages).toEqual([
      { authorType: 'agent', authorName: agent.email },
      { authorType: 'customer', authorName: null },
    ]);
    const replied = ticket.timeline.find((event: { type: string }) => event.type === 'agent_replied');
    expect(replied).toMatchObject({ actor: agent.userId, actorName: agent.email });
    const assigned = ticket.timeline.find((event: { type: string }) => event.type === 'assigned');
    expect(assigned).toMatchObject({ actor: 'system', actorName: null });
  });
});
