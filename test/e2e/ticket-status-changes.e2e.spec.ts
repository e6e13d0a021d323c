import { randomUUID } from 'node:crypto';
import { TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

const CHANGE_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id status } }`;
const LIVE = `query($id: ID!) { ticket(id: $id) { status live { status lifecycleVersion } timeline { type actor data } } }`;

describe('changing a ticket status through its workflow', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  async function createTicket(): Promise<string> {
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket() }, agent);
    expect(errors).toBeUndefined();
    return data!.createTicket.id;
  }

  const changeStatus = (ticketId: string, status: string) => system.graphql(CHANGE_STATUS, { input: { ticketId, status } }, agent);

  async function row(ticketId: string): Promise<{ status: string; lifecycle_version: number }> {
    const [found] = await system.dataSource.query('SELECT status, lifecycle_version FROM tickets WHERE id = $1', [ticketId]);
    return found;
  }

  it('solves a ticket: the row, the live state, the timeline and the search attribute all say solved', async () => {
    const id = await createTicket();

    const { data, errors } = await changeStatus(id, 'SOLVED');
    expect(errors).toBeUndefined();
    expect(data!.changeTicketStatus).toEqual({ id, status: 'SOLVED' });

    expect(await row(id)).toEqual({ status: 'solved', lifecycle_version: 2 });
    const read = (await system.graphql(LIVE, { id }, agent)).data!.ticket;
    expect(read.live).toEqual({ status: 'SOLVED', lifecycleVersion: 2 });
    expect(eventsOfType(read.timeline, 'status_changed')).toEqual([{ type: 'status_changed', actor: agentId, data: { from: 'new', to: 'solved' } }]);
    const description = await system.temporal.workflow.getHandle(`ticket:${id}`).describe();
    expect(description.typedSearchAttributes.get(TICKET_STATUS_ATTRIBUTE)).toBe('solved');
  });

  it('refuses an invalid transition with BAD_USER_INPUT naming the allowed statuses, and changes nothing', async () => {
    const id = await createTicket();

    const error = onlyError(await changeStatus(id, 'CLOSED'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('The ticket cannot go from new to closed; from new it can go to: open, pending, on_hold, solved.');

    expect(await row(id)).toEqual({ status: 'new', lifecycle_version: 1 });
    const read = (await system.graphql(LIVE, { id }, agent)).data!.ticket;
    expect(read.live).toEqual({ status: 'NEW', lifecycleVersion: 1 });
    expect(eventsOfType(read.timeline, 'status_changed')).toEqual([]);
  });

  it('refuses a change to the status the ticket already has', async () => {
    const id = await createTicket();
    const error = onlyError(await changeStatus(id, 'NEW'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The ticket is already new.' });
    expect(await row(id)).toEqual({ status: 'new', lifecycle_version: 1 });
  });

  it('closes a solved ticket, which ends its workflow; a later change is refused and the ticket stays closed', async () => {
    const id = await createTicket();
    expect((await changeStatus(id, 'SOLVED')).errors).toBeUndefined();
    expect((await changeStatus(id, 'CLOSED')).errors).toBeUndefined();
    expect(await row(id)).toEqual({ status: 'closed', lifecycle_version: 3 });
    await system.temporal.workflow.getHandle(`ticket:${id}`).result();

    const error = onlyError(await changeStatus(id, 'OPEN'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('closed');
    expect(await row(id)).toEqual({ status: 'closed', lifecycle_version: 3 });
    // A finished workflow still answers its query.
    expect((await system.graphql(LIVE, { id }, agent)).data!.ticket.live).toEqual({ status: 'CLOSED', lifecycleVersion: 3 });
  });

  it('answers NOT_FOUND for a ticket that does not exist', async () => {
    expect(onlyError(await changeStatus(randomUUID(), 'SOLVED')).code).toBe('NOT_FOUND');
  });
});
