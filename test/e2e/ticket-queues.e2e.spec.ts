import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The inbox's queue list: an agent (who may not read the routing configuration) finds their groups' queues and the
// other queues they may see, never a restricted group they are not in; supervisors see every queue.

const CREATE_GROUP = 'mutation($name: String!, $open: Boolean) { createGroup(input: { name: $name, visibleToAllAgents: $open }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const QUEUES = 'query { ticketQueues { id name member } }';

describe('ticketQueues', () => {
  let system: TestSystem;
  let admin: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
  });
  afterAll(async () => {
    await system?.stop();
  });

  const createGroup = async (name: string, open: boolean): Promise<string> =>
    dataOf(await system.graphql(CREATE_GROUP, { name, open }, admin)).createGroup.id;

  it("lists an agent's own groups as member, open groups as not, and hides restricted groups they are not in", async () => {
    const billing = await createGroup('Billing', true);
    const security = await createGroup('Security', false);
    const hr = await createGroup('HR', false);
    const agent = await system.signIn(['agent']);
    dataOf(await system.graphql(UPSERT_AGENT, { input: { userId: agent.userId, groupIds: [security] } }, admin));

    const { ticketQueues } = dataOf(await system.graphql(QUEUES, {}, agent.token));
    expect(ticketQueues[0]).toMatchObject({ name: 'Triage (unrouted)', member: false });
    const byName = Object.fromEntries(ticketQueues.map((queue: { name: string }) => [queue.name, queue]));
    expect(byName.Security).toEqual({ id: security, name: 'Security', member: true });
    expect(byName.Billing).toEqual({ id: billing, name: 'Billing', member: false });
    expect(byName.HR).toBeUndefined();

    const supervisor = await system.signIn(['supervisor']);
    const seenBySupervisor = dataOf(await system.graphql(QUEUES, {}, supervisor.token)).ticketQueues;
    expect(seenBySupervisor.map((queue: { id: string }) => queue.id)).toEqual(expect.arrayContaining([billing, security, hr]));
    expect(seenBySupervisor.every((queue: { member: boolean }) => !queue.member)).toBe(true);
  });

  it('is refused to roles that do not work tickets', async () => {
    const lead = await system.signIn(['implementation_lead']);
    expect(onlyError(await system.graphql(QUEUES, {}, lead.token)).code).toBe('FORBIDDEN');
  });
});
