import { randomUUID } from 'node:crypto';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Custom fields: set on create (or by a migration), read on Ticket, changed by agents through the workflow (on the
// timeline), filtered on in the list.

const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id fields { name value } } }';
const UPDATE_FIELDS = 'mutation($input: UpdateTicketFieldsInput!) { updateTicketFields(input: $input) { id fields { name value } } }';
const READ_TICKET = 'query($id: ID!) { ticket(id: $id) { fields { name value } timeline { type actor data } } }';
const LIST = 'query($filter: TicketsFilterInput) { tickets(filter: $filter, first: 50) { edges { node { id } } } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';

describe('custom fields of a ticket', () => {
  let system: TestSystem;
  let agent: { token: string; userId: string };
  const requesterEmail = 'fields@example.com';

  const createTicket = async (fields: Array<{ name: string; value: string }>) =>
    dataOf(await system.graphql(CREATE_TICKET, { input: { subject: 'Crash', description: '…', requesterEmail, channel: 'WEB', fields } }, agent.token))
      .createTicket;
  const updateFields = (ticketId: string, fields: Array<{ name: string; value: string | null }>) =>
    system.graphql(UPDATE_FIELDS, { input: { ticketId, fields } }, agent.token);
  const listIds = async (fields: Array<{ name: string; value: string }>) =>
    dataOf(await system.graphql(LIST, { filter: { requesterEmail, fields } }, agent.token)).tickets.edges.map((edge: { node: { id: string } }) => edge.node.id);

  beforeAll(async () => {
    system = await startTestSystem();
    agent = await system.signIn(['agent']);
  });
  afterAll(() => system.stop());

  it('shows the fields set on create, by name', async () => {
    const ticket = await createTicket([{ name: 'product', value: 'Portal' }, { name: 'os', value: 'linux' }]);
    expect(ticket.fields).toEqual([{ name: 'os', value: 'linux' }, { name: 'product', value: 'Portal' }]);
  });

  it('shows the fields a migration wrote on the row', async () => {
    const id = randomUUID();
    await system.dataSource.query(
      `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, fields)
       VALUES ($1, 'Imported', '…', 'old@example.com', 'email', 'normal', 'closed', '{"legacy_category": "Billing"}')`,
      [id],
    );
    expect(dataOf(await system.graphql(READ_TICKET, { id }, agent.token)).ticket.fields).toEqual([{ name: 'legacy_category', value: 'Billing' }]);
  });

  it('lets an agent set and remove fields, on the timeline, and lists filter on the new values', async () => {
    const ticket = await createTicket([{ name: 'product', value: 'Web portal' }, { name: 'plan', value: 'pro' }]);
    const other = await createTicket([{ name: 'product', value: 'Mobile app' }, { name: 'plan', value: 'free' }]);

    const updated = dataOf(await updateFields(ticket.id, [{ name: 'product', value: 'Mobile app' }, { name: 'plan', value: null }, { name: 'os', value: 'ios' }]))
      .updateTicketFields;

    expect(updated.fields).toEqual([{ name: 'os', value: 'ios' }, { name: 'product', value: 'Mobile app' }]);
    const { timeline } = dataOf(await system.graphql(READ_TICKET, { id: ticket.id }, agent.token)).ticket;
    expect(timeline.filter((event: { type: string }) => event.type === 'fields_changed')).toEqual([
      {
        type: 'fields_changed',
        actor: agent.userId,
        data: { os: { from: null, to: 'ios' }, plan: { from: 'pro', to: null }, product: { from: 'Web portal', to: 'Mobile app' } },
      },
    ]);
    expect((await listIds([{ name: 'product', value: 'Mobile app' }])).sort()).toEqual([ticket.id, other.id].sort());
    expect(await listIds([{ name: 'product', value: 'Mobile app' }, { name: 'os', value: 'ios' }])).toEqual([ticket.id]);
    expect(await listIds([{ name: 'product', value: 'Web portal' }])).toEqual([]);
  });

  it('keeps both of two agents changing different fields at once, and fields written on the row meanwhile', async () => {
    const ticket = await createTicket([{ name: 'product', value: 'Portal' }]);
    // A migration's delta run writes the row's fields behind the workflow's back.
    await system.dataSource.query(`UPDATE tickets SET fields = fields || '{"imported": "yes"}'::jsonb WHERE id = $1`, [ticket.id]);
    const [first, second] = await Promise.all([updateFields(ticket.id, [{ name: 'plan', value: 'pro' }]), updateFields(ticket.id, [{ name: 'os', value: 'ios' }])]);
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    const [row] = await system.dataSource.query('SELECT fields FROM tickets WHERE id = $1', [ticket.id]);
    expect(row.fields).toEqual({ product: 'Portal', imported: 'yes', plan: 'pro', os: 'ios' });
  });

  it('refuses bad input naming the field, and changes to a closed ticket', async () => {
    const ticket = await createTicket([]);
    const empty = onlyError(await updateFields(ticket.id, []));
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'fields' })] } });
    const tooLong = onlyError(await updateFields(ticket.id, [{ name: 'x'.repeat(201), value: 'v' }]));
    expect(tooLong).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'fields.0.name' })] } });

    for (const status of ['SOLVED', 'CLOSED']) dataOf(await system.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status } }, agent.token));
    expect(onlyError(await updateFields(ticket.id, [{ name: 'product', value: 'Portal' }])).code).toBe('CONFLICT');
  });
});
