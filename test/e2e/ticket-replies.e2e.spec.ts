import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id authorType authorUserId body isPublic createdAt } }`;
const CHANGE_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;
const READ = `query($id: ID!) {
  ticket(id: $id) {
    status
    messages { id authorType authorUserId body isPublic createdAt }
    live { status lifecycleVersion lastAgentReplyAt }
    timeline { type actor data }
  }
}`;

describe('replying to a ticket', () => {
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

  const reply = (ticketId: string, body: string, isPublic = true) => system.graphql(REPLY, { input: { ticketId, body, public: isPublic } }, agent);

  const messageRows = (ticketId: string) =>
    system.dataSource.query('SELECT id, author_type, author_user_id, body, is_public FROM ticket_messages WHERE ticket_id = $1', [ticketId]);

  it('stores a public reply in PostgreSQL, lists it in messages, and the workflow opens the ticket and records the reply', async () => {
    const ticketId = await createTicket();

    const { data, errors } = await reply(ticketId, 'Please try the reset link again.');
    expect(errors).toBeUndefined();
    const message = data!.replyToTicket;
    expect(message).toMatchObject({ authorType: 'agent', authorUserId: agentId, body: 'Please try the reset link again.', isPublic: true });

    expect(await messageRows(ticketId)).toEqual([
      { id: message.id, author_type: 'agent', author_user_id: agentId, body: 'Please try the reset link again.', is_public: true },
    ]);
    const ticket = (await system.graphql(READ, { id: ticketId }, agent)).data!.ticket;
    expect(ticket.messages).toEqual([message]);
    expect(ticket.live).toEqual({ status: 'OPEN', lifecycleVersion: 2, lastAgentReplyAt: message.createdAt });
    expect(ticket.status).toBe('OPEN');
    expect(eventsOfType(ticket.timeline, 'created', 'agent_replied', 'status_changed')).toEqual([
      expect.objectContaining({ type: 'created' }),
      { type: 'agent_replied', actor: agentId, data: { messageId: message.id, isPublic: true } },
      { type: 'status_changed', actor: agentId, data: { from: 'new', to: 'open' } },
    ]);
  });

  it('stores an internal note without opening the ticket or counting it as a reply to the customer', async () => {
    const ticketId = await createTicket();

    const { data, errors } = await reply(ticketId, 'Customer is on the legacy SSO.', false);
    expect(errors).toBeUndefined();

    expect(await messageRows(ticketId)).toEqual([expect.objectContaining({ id: data!.replyToTicket.id, is_public: false })]);
    const ticket = (await system.graphql(READ, { id: ticketId }, agent)).data!.ticket;
    expect(ticket.live).toEqual({ status: 'NEW', lifecycleVersion: 2, lastAgentReplyAt: null });
    expect(eventsOfType(ticket.timeline, 'agent_replied', 'status_changed')).toEqual([
      { type: 'agent_replied', actor: agentId, data: { messageId: data!.replyToTicket.id, isPublic: false } },
    ]);
  });

  it('keeps every message, oldest first', async () => {
    const ticketId = await createTicket();
    for (const body of ['first', 'second', 'third']) expect((await reply(ticketId, body)).errors).toBeUndefined();
    const ticket = (await system.graphql(READ, { id: ticketId }, agent)).data!.ticket;
    expect(ticket.messages.map((m: { body: string }) => m.body)).toEqual(['first', 'second', 'third']);
    expect(ticket.live.lifecycleVersion).toBe(4);
  });

  it('leaves no message row when the workflow refuses the reply (the ticket is closed)', async () => {
    const ticketId = await createTicket();
    expect((await reply(ticketId, 'Fixed on our side.')).errors).toBeUndefined();
    for (const status of ['SOLVED', 'CLOSED']) {
      expect((await system.graphql(CHANGE_STATUS, { input: { ticketId, status } }, agent)).errors).toBeUndefined();
    }
    const before = await messageRows(ticketId);

    const error = onlyError(await reply(ticketId, 'One more thing...'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('closed');
    expect(await messageRows(ticketId)).toEqual(before);
    expect(before).toHaveLength(1);
  });

  it('answers NOT_FOUND for a reply to a ticket that does not exist, and stores nothing', async () => {
    const ticketId = randomUUID();
    expect(onlyError(await reply(ticketId, 'Hello?')).code).toBe('NOT_FOUND');
    expect(await messageRows(ticketId)).toEqual([]);
  });

  it('refuses a blank reply with BAD_USER_INPUT and stores nothing', async () => {
    const ticketId = await createTicket();
    const error = onlyError(await reply(ticketId, '   '));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'body must not be blank' });
    expect(await messageRows(ticketId)).toEqual([]);
  });
});
