import { FALLBACK_GROUP_ID } from '../../libs/db/agent-snapshots.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Who sees which tickets: an agent the tickets of their groups and those assigned to them; supervisors and admins all;
// a group "visible to all agents" shows its tickets to every agent. A hidden ticket is NOT_FOUND everywhere.

const CREATE_GROUP = 'mutation($name: String!, $open: Boolean) { createGroup(input: { name: $name, visibleToAllAgents: $open }) { id visibleToAllAgents } }';
const SET_VISIBLE = 'mutation($id: ID!, $visible: Boolean!) { setGroupVisibleToAllAgents(id: $id, visibleToAllAgents: $visible) { visibleToAllAgents } }';
const GROUPS = 'query { groups { id visibleToAllAgents } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
const ASSIGN = 'mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ticket { assigneeId } } }';
const TICKET = 'query($id: ID!) { ticket(id: $id) { id } }';
const LIST = 'query($filter: TicketsFilterInput) { tickets(filter: $filter, first: 50) { edges { node { id } } } }';
const AT_RISK = 'query { ticketsAtRisk(withinMinutes: 600, first: 100) { ticket { id } } }';

describe('ticket visibility', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  let ana: { token: string; userId: string };
  const groups: Record<'billing' | 'security' | 'open', string> = {} as never;
  const tickets: Record<'billing' | 'security' | 'securityForAna' | 'open' | 'unrouted', string> = {} as never;
  const requesterEmail = 'visibility@example.com';

  const listAs = async (token: string): Promise<string[]> =>
    dataOf(await system.graphql(LIST, { filter: { requesterEmail } }, token)).tickets.edges.map((edge: { node: { id: string } }) => edge.node.id).sort();

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ana = await system.signIn(['agent']);
    groups.billing = dataOf(await system.graphql(CREATE_GROUP, { name: 'Billing', open: false }, admin)).createGroup.id;
    groups.security = dataOf(await system.graphql(CREATE_GROUP, { name: 'Security', open: false }, admin)).createGroup.id;
    groups.open = dataOf(await system.graphql(CREATE_GROUP, { name: 'General' }, admin)).createGroup.id; // visible to all by default
    // ana works billing; for a moment security too, long enough to be assigned one of its tickets.
    dataOf(await system.graphql(UPSERT_AGENT, { input: { userId: ana.userId, groupIds: [groups.billing, groups.security] } }, admin));
    const create = async (groupId: string | null, subject: string) =>
      dataOf(await system.graphql(CREATE_TICKET, { input: { subject, description: '…', requesterEmail, channel: 'EMAIL', groupId } }, supervisor)).createTicket.id;
    tickets.billing = await create(groups.billing, 'Invoice');
    tickets.security = await create(groups.security, 'Breach report');
    tickets.securityForAna = await create(groups.security, 'Password policy');
    tickets.open = await create(groups.open, 'General question');
    tickets.unrouted = await create(null, 'Hello'); // the rules send it to the fallback queue
    dataOf(await system.graphql(ASSIGN, { input: { ticketId: tickets.securityForAna, agentId: ana.userId } }, supervisor));
    dataOf(await system.graphql(UPSERT_AGENT, { input: { userId: ana.userId, groupIds: [groups.billing] } }, admin));
    // A deadline for every ticket, so each could show up at risk.
    await system.dataSource.query(`UPDATE tickets SET sla_deadline = now() + interval '1 hour' WHERE requester_email = $1`, [requesterEmail]);
  });
  afterAll(() => system.stop());

  it('makes groups visible to all agents unless an admin restricts them (the fallback queue included)', async () => {
    const visible = new Map(dataOf(await system.graphql(GROUPS, {}, admin)).groups.map((g: { id: string; visibleToAllAgents: boolean }) => [g.id, g.visibleToAllAgents]));
    expect(visible.get(FALLBACK_GROUP_ID)).toBe(true);
    expect([visible.get(groups.billing), visible.get(groups.security), visible.get(groups.open)]).toEqual([false, false, true]);
  });

  it("lists for an agent the tickets of their groups, those assigned to them and the open groups' tickets; all for a supervisor", async () => {
    const all = Object.values(tickets).sort();
    expect(await listAs(supervisor)).toEqual(all);
    expect(await listAs(ana.token)).toEqual([tickets.billing, tickets.securityForAna, tickets.open, tickets.unrouted].sort());
  });

  it('answers NOT_FOUND, as for an unknown id, wherever an agent names a ticket they cannot see', async () => {
    const hidden = tickets.security;
    const notFound = { code: 'NOT_FOUND', message: `There is no ticket ${hidden}.` };
    expect(onlyError(await system.graphql(TICKET, { id: hidden }, ana.token))).toMatchObject(notFound);
    const calls: Array<[string, Record<string, unknown>]> = [
      ['mutation($id: ID!) { replyToTicket(input: { ticketId: $id, body: "Hi", public: true }) { id } }', { id: hidden }],
      ['mutation($id: ID!) { changeTicketStatus(input: { ticketId: $id, status: OPEN }) { id } }', { id: hidden }],
      ['mutation($id: ID!) { reclassifyTicket(input: { ticketId: $id, priority: HIGH }) { id } }', { id: hidden }],
      ['mutation($id: ID!) { recordCustomerReply(input: { ticketId: $id, body: "Hi" }) { followUp } }', { id: hidden }],
      ['mutation($id: ID!) { updateTicketFields(input: { ticketId: $id, fields: [{ name: "a", value: "b" }] }) { id } }', { id: hidden }],
      ['mutation($id: ID!, $me: ID) { assignTicket(input: { ticketId: $id, agentId: $me }) { warnings { code } } }', { id: hidden, me: ana.userId }],
      ['mutation($id: ID!) { acknowledgeEscalation(input: { ticketId: $id }) { id } }', { id: hidden }],
      ['query($id: ID!) { ticketAttachments(ticketId: $id) { id } }', { id: hidden }],
      ['query($id: ID!) { ticketKnowledgeLinks(ticketId: $id) { id } }', { id: hidden }],
      ['query($id: ID!) { suggestKnowledgeArticles(ticketId: $id) { rank } }', { id: hidden }],
    ];
    for (const [query, variables] of calls) expect(onlyError(await system.graphql(query, variables, ana.token))).toMatchObject(notFound);
    // The supervisor reads it.
    expect(dataOf(await system.graphql(TICKET, { id: hidden }, supervisor)).ticket.id).toBe(hidden);
  });

  it('leaves hidden tickets out of the at-risk list', async () => {
    const atRisk = async (token: string) =>
      dataOf(await system.graphql(AT_RISK, {}, token)).ticketsAtRisk.map((row: { ticket: { id: string } }) => row.ticket.id).sort();
    expect(await atRisk(supervisor)).toEqual(Object.values(tickets).sort());
    expect(await atRisk(ana.token)).toEqual([tickets.billing, tickets.securityForAna, tickets.open, tickets.unrouted].sort());
  });

  it('shows a group to every agent once an admin makes it visible to all (audited)', async () => {
    dataOf(await system.graphql(SET_VISIBLE, { id: groups.security, visible: true }, admin));
    expect(await listAs(ana.token)).toEqual(Object.values(tickets).sort());
    expect(dataOf(await system.graphql(TICKET, { id: tickets.security }, ana.token)).ticket.id).toBe(tickets.security);
    const [audit] = await system.dataSource.query(
      `SELECT before, after FROM audit_log WHERE entity_type = 'group' AND entity_id = $1 AND action = 'group.updated'`,
      [groups.security],
    );
    expect(audit).toMatchObject({ before: { visibleToAllAgents: false }, after: { visibleToAllAgents: true } });
    dataOf(await system.graphql(SET_VISIBLE, { id: groups.security, visible: false }, admin));
    expect(onlyError(await system.graphql(TICKET, { id: tickets.security }, ana.token)).code).toBe('NOT_FOUND');
  });
});
