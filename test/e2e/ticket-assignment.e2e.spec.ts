import { waitFor } from '../../libs/devstack/wait-for.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Manual assignment on the real stack: through the ticket workflow, counted in load, marked manual on the timeline,
// freeing the previous agent's slot; agents within their own groups, supervisors anywhere (told when the agent is not
// online or has no room).

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const SET_MY_AVAILABILITY = 'mutation($availability: AgentAvailability!) { setMyAvailability(availability: $availability) { availability } }';
const CREATE_RULE = 'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id groupId assigneeId } }';
const ASSIGN = `mutation($input: AssignTicketInput!) {
  assignTicket(input: $input) { ticket { id groupId assigneeId queuedAt misrouted } warnings { code message } }
}`;
const READ_TICKET = 'query($id: ID!) { ticket(id: $id) { id groupId assigneeId queuedAt timeline { type actor data } } }';
const AGENTS = 'query { agents { userId openTickets } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const ACCURACY = 'query { routingAccuracy { perRule { ruleId routed misrouted } } }';

interface Agent {
  token: string;
  userId: string;
}

describe('manual assignment', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: Agent;
  let groupCount = 0;

  const as = async <T = Record<string, any>>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    dataOf(await system.graphql<T>(query, variables, token));

  const newGroup = async (): Promise<string> => (await as(admin, CREATE_GROUP, { name: `Assignment group ${++groupCount}` })).createGroup.id;

  /** A new agent in these groups, online or not, with this capacity. */
  async function newAgent(groupIds: string[], { online = true, capacity = 5 } = {}): Promise<Agent> {
    const agent = await system.signIn(['agent']);
    await as(admin, UPSERT_AGENT, { input: { userId: agent.userId, groupIds, capacity } });
    if (online) await as(agent.token, SET_MY_AVAILABILITY, { availability: 'ONLINE' });
    return agent;
  }

  /** Created straight into the group, so its workflow assigns it there (or queues it) without any rule. */
  const newTicket = async (groupId: string, subject = 'Please help') =>
    (await as(supervisor.token, CREATE_TICKET, {
      input: { subject, description: '…', requesterEmail: 'customer@example.com', channel: 'EMAIL', groupId },
    })).createTicket;

  const assign = (token: string, input: Record<string, unknown>) => system.graphql(ASSIGN, { input }, token);
  const readTicket = async (id: string) => (await as(supervisor.token, READ_TICKET, { id })).ticket;
  const loadOf = async (agent: Agent): Promise<number> =>
    (await as(supervisor.token, AGENTS)).agents.find((row: { userId: string }) => row.userId === agent.userId).openTickets;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    supervisor = await system.signIn(['supervisor']);
  });
  afterAll(() => system.stop());

  it('lets an agent take a ticket of their group: through the workflow, marked manual, moved in load', async () => {
    const group = await newGroup();
    const ana = await newAgent([group]);
    const ticket = await newTicket(group);
    expect(ticket.assigneeId).toBe(ana.userId);
    const bo = await newAgent([group]);

    const result = dataOf(await assign(bo.token, { ticketId: ticket.id, agentId: bo.userId })).assignTicket;

    expect(result).toEqual({ ticket: expect.objectContaining({ assigneeId: bo.userId, groupId: group, queuedAt: null }), warnings: [] });
    expect([await loadOf(ana), await loadOf(bo)]).toEqual([0, 1]);
    const assigned = (await readTicket(ticket.id)).timeline.filter((event: { type: string }) => event.type === 'assigned');
    expect(assigned.at(-1)).toEqual({
      type: 'assigned',
      actor: bo.userId,
      data: { agentId: bo.userId, previousAgentId: ana.userId, groupId: group, manual: true },
    });
  });

  it('keeps agents within their own groups', async () => {
    const [billing, access] = [await newGroup(), await newGroup()];
    const ana = await newAgent([billing]);
    const cy = await newAgent([access]);
    const ticket = await newTicket(billing);

    const notMember = onlyError(await assign(ana.token, { ticketId: ticket.id, agentId: cy.userId }));
    expect(notMember).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'agentId' })] } });
    expect(notMember.message).toMatch(/^agentId: .* is not a member of the ticket's group/);
    expect(onlyError(await assign(ana.token, { ticketId: ticket.id, groupId: access, agentId: cy.userId })).code).toBe('FORBIDDEN');
    expect((await readTicket(ticket.id)).assigneeId).toBe(ana.userId);

    // A supervisor moves it anywhere.
    const moved = dataOf(await assign(supervisor.token, { ticketId: ticket.id, groupId: access, agentId: cy.userId })).assignTicket;
    expect(moved.ticket).toMatchObject({ groupId: access, assigneeId: cy.userId });
  });

  it('lets a supervisor assign to an agent who is offline or full, and says so; an agent may not', async () => {
    const group = await newGroup();
    const ana = await newAgent([group], { capacity: 1 });
    const dee = await newAgent([group], { online: false });
    const first = await newTicket(group);
    const second = await newTicket(group);
    expect([first.assigneeId, second.assigneeId]).toEqual([ana.userId, null]); // ana is full, dee offline

    const refused = onlyError(await assign(ana.token, { ticketId: second.id, agentId: dee.userId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/is offline\. Only a supervisor can assign the ticket anyway\.$/);

    const toFull = dataOf(await assign(supervisor.token, { ticketId: second.id, agentId: ana.userId })).assignTicket;
    expect(toFull.ticket.assigneeId).toBe(ana.userId);
    expect(toFull.warnings).toEqual([{ code: 'AGENT_AT_CAPACITY', message: expect.stringMatching(/already has 1 open tickets \(capacity 1\)/) }]);
    const toOffline = dataOf(await assign(supervisor.token, { ticketId: first.id, agentId: dee.userId })).assignTicket;
    expect(toOffline.warnings.map((warning: { code: string }) => warning.code)).toEqual(['AGENT_NOT_ONLINE']);
    expect([await loadOf(ana), await loadOf(dee)]).toEqual([1, 1]);
  });

  it("frees the previous agent's slot: a ticket waiting in the queue goes to them", async () => {
    const group = await newGroup();
    const ana = await newAgent([group], { capacity: 1 });
    const dee = await newAgent([group], { online: false });
    const first = await newTicket(group);
    const waiting = await newTicket(group);
    expect(waiting.assigneeId).toBeNull();

    dataOf(await assign(supervisor.token, { ticketId: first.id, agentId: dee.userId }));

    const assignedToAna = await waitFor('the waiting ticket assigned', async () => {
      const ticket = await readTicket(waiting.id);
      if (ticket.assigneeId !== ana.userId) throw new Error(`assignee ${ticket.assigneeId}`);
      return ticket;
    }, 15_000, 100);
    expect(assignedToAna.queuedAt).toBeNull();
  });

  it('unassigns: the ticket waits in its group queue again', async () => {
    const group = await newGroup();
    const ana = await newAgent([group]);
    const ticket = await newTicket(group);

    const result = dataOf(await assign(ana.token, { ticketId: ticket.id, agentId: null })).assignTicket;

    expect(result.ticket).toMatchObject({ assigneeId: null, groupId: group, queuedAt: expect.any(String) });
    expect(await loadOf(ana)).toBe(0);
    const unassigned = (await readTicket(ticket.id)).timeline.find((event: { type: string }) => event.type === 'unassigned');
    expect(unassigned).toEqual({ type: 'unassigned', actor: ana.userId, data: { agentId: null, previousAgentId: ana.userId, groupId: group, manual: true } });
  });

  it('marks a routed ticket moved to another group as misrouted, in the accuracy of its rule', async () => {
    const [billing, access] = [await newGroup(), await newGroup()];
    await newAgent([billing]);
    const cy = await newAgent([access]);
    const { rule } = (await as(admin, CREATE_RULE, {
      input: { name: 'Refund words', criteria: { keywords: ['refund'] }, result: { groupId: billing } },
    })).createRoutingRule;
    const ticket = (await as(supervisor.token, CREATE_TICKET, {
      input: { subject: 'Refund please', description: '…', requesterEmail: 'customer@example.com', channel: 'EMAIL' },
    })).createTicket;
    expect(ticket.groupId).toBe(billing);

    const moved = dataOf(await assign(supervisor.token, { ticketId: ticket.id, groupId: access, agentId: cy.userId })).assignTicket;

    expect(moved.ticket).toMatchObject({ groupId: access, assigneeId: cy.userId, misrouted: true });
    const accuracy = (await as(supervisor.token, ACCURACY)).routingAccuracy.perRule.find((row: { ruleId: string }) => row.ruleId === rule.id);
    expect(accuracy).toEqual({ ruleId: rule.id, routed: 1, misrouted: 1 });
  });

  it('answers BAD_USER_INPUT naming the field, and CONFLICT for a closed ticket', async () => {
    const group = await newGroup();
    const ana = await newAgent([group]);
    const ticket = await newTicket(group);
    const unknown = '6f1b2a4e-9c0d-4b7e-8a3f-5c2d1e0b9a87';

    expect(onlyError(await assign(supervisor.token, { ticketId: ticket.id }))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^agentId: /) });
    expect(onlyError(await assign(supervisor.token, { ticketId: ticket.id, groupId: unknown }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `groupId: there is no group ${unknown}.`,
    });
    expect(onlyError(await assign(supervisor.token, { ticketId: ticket.id, agentId: unknown })).message).toMatch(/^agentId: .* is not an active agent/);
    expect(onlyError(await assign(supervisor.token, { ticketId: unknown, agentId: ana.userId })).code).toBe('NOT_FOUND');

    for (const status of ['SOLVED', 'CLOSED']) await as(supervisor.token, CHANGE_STATUS, { input: { ticketId: ticket.id, status } });
    expect(onlyError(await assign(supervisor.token, { ticketId: ticket.id, agentId: null })).code).toBe('CONFLICT');
  });
});
