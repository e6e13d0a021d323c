import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Agents' working hours in assignment, on the real stack: an agent who is online but past their working hours is
// passed over, until they set themselves available again.

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const CREATE_RULE = 'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }';
const SET_MY_AVAILABILITY = 'mutation($availability: AgentAvailability!) { setMyAvailability(availability: $availability) { availability } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id groupId assigneeId } }';
const READ_TICKET = 'query($id: ID!) { ticket(id: $id) { assigneeId timeline { type data } } }';

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

interface Ticket {
  id: string;
  groupId?: string;
  assigneeId: string | null;
  timeline?: Array<{ type: string; data: Record<string, unknown> }>;
}

describe('working hours in assignment on the real stack', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  const agents: Record<'dee' | 'eli', { token: string; userId: string }> = {} as never;
  const groups: Record<'desk' | 'nights', string> = {} as never;

  async function call<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const { data, errors } = await system.graphql<T>(query, variables, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data!;
  }

  const createTicket = async (subject: string): Promise<Ticket> =>
    (await call<{ createTicket: Ticket }>(
      CREATE_TICKET,
      { input: { subject, description: 'Please help.', requesterEmail: 'customer@example.com', channel: 'EMAIL' } },
      agents.dee.token,
    )).createTicket;

  const readTicket = async (id: string): Promise<Ticket> => (await call<{ ticket: Ticket }>(READ_TICKET, { id }, supervisor)).ticket;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    for (const name of ['dee', 'eli'] as const) agents[name] = await system.signIn(['agent']);
    groups.desk = (await call(CREATE_GROUP, { name: 'Desk' }, admin)).createGroup.id;
    groups.nights = (await call(CREATE_GROUP, { name: 'Nights' }, admin)).createGroup.id;
    for (const [keyword, groupId] of [['desk', groups.desk], ['nights', groups.nights]]) {
      await call(CREATE_RULE, { input: { name: keyword, criteria: { keywords: [keyword] }, result: { groupId } } }, admin);
    }
    // Dee keeps no set hours (always on shift). Eli works one day a week, three days from today: never now.
    const shiftDay = WEEKDAYS[(new Date().getUTCDay() + 3) % 7];
    await call(UPSERT_AGENT, { input: { userId: agents.dee.userId, groupIds: [groups.desk], capacity: 5 } }, admin);
    await call(UPSERT_AGENT, {
      input: {
        userId: agents.eli.userId,
        groupIds: [groups.desk, groups.nights],
        capacity: 10,
        timeZone: 'UTC',
        workingHours: [{ day: shiftDay, start: '09:00', end: '17:00' }],
      },
    }, admin);
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.dee.token);
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.eli.token);
    // Eli went online eight days ago and stayed online past her last shift: a state only time makes, so it is written.
    await system.dataSource.query(`UPDATE agents SET availability_changed_at = now() - interval '8 days' WHERE user_id = $1`, [
      agents.eli.userId,
    ]);
  });
  afterAll(() => system.stop());

  it('passes over an online agent past their working hours, until they set themselves available', async () => {
    // Eli is less loaded (0 of 10) than Dee will be, yet every desk ticket goes to Dee.
    const first = await createTicket('desk: printer jam');
    const second = await createTicket('desk: printer jam again');
    expect([first.assigneeId, second.assigneeId]).toEqual([agents.dee.userId, agents.dee.userId]);

    // With only Eli in the group, the ticket waits in the queue and says why.
    const waiting = await createTicket('nights: the alarm rings');
    expect(waiting).toMatchObject({ groupId: groups.nights, assigneeId: null });
    const queued = (await readTicket(waiting.id)).timeline!.find((event) => event.type === 'queued');
    expect(queued?.data).toMatchObject({ reason: 'Everyone online in the group is outside their working hours.' });

    // Setting herself online again, though she already is, is Eli's explicit "I am working now".
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.eli.token);
    const third = await createTicket('desk: monitor flickers');
    expect(third.assigneeId).toBe(agents.eli.userId);

    // …and the waiting ticket is handed to her without anyone polling the queue (the workflow does it after her change).
    let woken = await readTicket(waiting.id);
    for (const deadline = Date.now() + 10_000; woken.assigneeId === null && Date.now() < deadline; woken = await readTicket(waiting.id)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(woken.assigneeId).toBe(agents.eli.userId);
  });
});
