import { FALLBACK_GROUP_ID } from '../../libs/db/agent-snapshots.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Tickets routed by the rules and assigned by their workflows, on the real stack: load balance inside a group, a
// ticket waiting in its queue until an agent comes online, the fallback queue, and misrouting counted per rule.

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const CREATE_RULE = 'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }';
const SET_MY_AVAILABILITY = 'mutation($availability: AgentAvailability!) { setMyAvailability(availability: $availability) { availability } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id groupId assigneeId queuedAt routingRuleId } }';
const READ_TICKET = 'query($id: ID!) { ticket(id: $id) { groupId assigneeId queuedAt misrouted timeline { type data } } }';
const RECLASSIFY = 'mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { groupId misrouted } }';
const ACCURACY = 'query { routingAccuracy { overall { routed misrouted accuracy } perRule { ruleId routed misrouted accuracy } } }';

interface Ticket {
  id: string;
  groupId: string | null;
  assigneeId: string | null;
  queuedAt: string | null;
  routingRuleId?: string | null;
  misrouted?: boolean;
  timeline?: Array<{ type: string; data: Record<string, unknown> }>;
}

describe('routing and assignment on the real stack', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  const agents: Record<'ana' | 'bo' | 'cy', { token: string; userId: string }> = {} as never;
  const groups: Record<'billing' | 'access', string> = {} as never;
  const rules: Record<'billing' | 'chat', string> = {} as never;

  async function call<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const { data, errors } = await system.graphql<T>(query, variables, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data!;
  }

  const createTicket = async (input: Record<string, unknown>): Promise<Ticket> =>
    (await call<{ createTicket: Ticket }>(
      CREATE_TICKET,
      { input: { description: 'Please help.', requesterEmail: 'customer@example.com', channel: 'EMAIL', ...input } },
      agents.ana.token,
    )).createTicket;

  const readTicket = async (id: string): Promise<Ticket> => (await call<{ ticket: Ticket }>(READ_TICKET, { id }, supervisor)).ticket;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    for (const name of ['ana', 'bo', 'cy'] as const) agents[name] = await system.signIn(['agent']);
    groups.billing = (await call(CREATE_GROUP, { name: 'Billing' }, admin)).createGroup.id;
    groups.access = (await call(CREATE_GROUP, { name: 'Access & authentication' }, admin)).createGroup.id;
    for (const [name, groupId] of [['ana', groups.billing], ['bo', groups.billing], ['cy', groups.access]] as const) {
      await call(UPSERT_AGENT, { input: { userId: agents[name].userId, groupIds: [groupId], capacity: 5 } }, admin);
    }
    rules.billing = (await call(CREATE_RULE, {
      input: { name: 'Invoices', criteria: { keywords: ['invoice'] }, result: { groupId: groups.billing, tags: ['billing'] } },
    }, admin)).createRoutingRule.rule.id;
    rules.chat = (await call(CREATE_RULE, {
      input: { name: 'Chat goes to access', criteria: { channels: ['CHAT'] }, result: { groupId: groups.access } },
    }, admin)).createRoutingRule.rule.id;
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.ana.token);
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.bo.token);
  });
  afterAll(() => system.stop());

  it('routes by the rules and shares a group’s tickets evenly among its online agents', async () => {
    const tickets = [];
    for (let n = 1; n <= 4; n++) tickets.push(await createTicket({ subject: `Invoice ${n} is wrong` }));

    expect(tickets.map((ticket) => [ticket.groupId, ticket.routingRuleId])).toEqual(Array(4).fill([groups.billing, rules.billing]));
    const load = tickets.map((ticket) => ticket.assigneeId);
    expect(load.filter((id) => id === agents.ana.userId)).toHaveLength(2);
    expect(load.filter((id) => id === agents.bo.userId)).toHaveLength(2);
    const timeline = (await readTicket(tickets[0].id)).timeline!;
    expect(timeline.find((event) => event.type === 'routed')?.data).toMatchObject({ ruleName: 'Invoices', reasons: ['keyword "invoice" in the subject'] });
    expect(timeline.find((event) => event.type === 'assigned')?.data).toMatchObject({ groupId: groups.billing });
  });

  it('keeps a ticket in its group’s queue until an agent comes online, then assigns it without anyone polling', async () => {
    const waiting = await createTicket({ subject: 'Cannot log in', channel: 'CHAT' });
    expect(waiting).toMatchObject({ groupId: groups.access, assigneeId: null });
    expect(waiting.queuedAt).not.toBeNull();

    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.cy.token);
    // The live state shows the assignee a moment before the workflow's activity has written the timeline: wait for both.
    const assignedAndRecorded = (read: Awaited<ReturnType<typeof readTicket>>) =>
      read.assigneeId !== null && read.timeline!.some((event) => event.type === 'assigned');
    let ticket = await readTicket(waiting.id);
    for (const deadline = Date.now() + 10_000; !assignedAndRecorded(ticket) && Date.now() < deadline; ticket = await readTicket(waiting.id)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ticket).toMatchObject({ assigneeId: agents.cy.userId, queuedAt: null });
    expect(ticket.timeline!.map((event) => event.type)).toEqual(expect.arrayContaining(['queued', 'assigned']));
  });

  it('sends a ticket no rule takes to the fallback queue, and says so', async () => {
    const ticket = await createTicket({ subject: 'Hello there' });
    expect(ticket).toMatchObject({ groupId: FALLBACK_GROUP_ID, routingRuleId: null, assigneeId: null });
    const routed = (await readTicket(ticket.id)).timeline!.find((event) => event.type === 'routed');
    expect(routed?.data).toMatchObject({ fallback: true, ruleId: null });
  });

  it('counts a ticket a person moves to another group as misrouted, in the accuracy of the rule that routed it', async () => {
    const before = (await call(ACCURACY, {}, supervisor)).routingAccuracy;
    const ticket = await createTicket({ subject: 'Invoice for the SSO add-on' });
    const moved = (await call(RECLASSIFY, { input: { ticketId: ticket.id, groupId: groups.access } }, supervisor)).reclassifyTicket;
    expect(moved).toEqual({ groupId: groups.access, misrouted: true });

    const after = (await call(ACCURACY, {}, supervisor)).routingAccuracy;
    const billingRule = (accuracy: typeof after) => accuracy.perRule.find((row: { ruleId: string }) => row.ruleId === rules.billing);
    expect(billingRule(after).routed).toBe(billingRule(before).routed + 1);
    expect(billingRule(after).misrouted).toBe(billingRule(before).misrouted + 1);
    expect(after.overall.misrouted).toBe(before.overall.misrouted + 1);
    expect((await readTicket(ticket.id)).assigneeId).toBe(agents.cy.userId); // assigned again, in the new group
  });
});
