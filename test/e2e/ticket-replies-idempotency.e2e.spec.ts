import { randomBytes } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError, ticketWorkflowRuns } from '../support/tickets.js';

const CUSTOMER_REPLY = `mutation($input: RecordCustomerReplyInput!) {
  recordCustomerReply(input: $input) { followUp message { id body } ticket { id followUpOf description } }
}`;
const CHANGE_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;

interface ReplyResult {
  followUp: boolean;
  message: { id: string; body: string } | null;
  ticket: { id: string; followUpOf: string | null; description: string };
}

describe('a retried customer reply (same idempotency key) is recorded once', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const newKey = () => `reply-${randomBytes(6).toString('hex')}`;

  async function createTicket(): Promise<string> {
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket() }, agent);
    expect(errors).toBeUndefined();
    return data!.createTicket.id;
  }

  async function close(ticketId: string): Promise<void> {
    for (const status of ['SOLVED', 'CLOSED']) {
      expect((await system.graphql(CHANGE_STATUS, { input: { ticketId, status } }, agent)).errors).toBeUndefined();
    }
  }

  const sendReply = (ticketId: string, body: string, idempotencyKey: string) =>
    system.graphql<{ recordCustomerReply: ReplyResult }>(CUSTOMER_REPLY, { input: { ticketId, body, idempotencyKey } }, agent);

  async function reply(ticketId: string, body: string, idempotencyKey: string): Promise<ReplyResult> {
    const { data, errors } = await sendReply(ticketId, body, idempotencyKey);
    expect(errors).toBeUndefined();
    return data!.recordCustomerReply;
  }

  /** Three tries racing, then a late one: what a client retrying on timeouts may send. */
  async function retried(ticketId: string, body: string, key: string): Promise<ReplyResult[]> {
    const racing = await Promise.all([1, 2, 3].map(() => reply(ticketId, body, key)));
    return [...racing, await reply(ticketId, body, key)];
  }

  const messagesOf = (ticketId: string) => system.dataSource.query('SELECT id, body FROM ticket_messages WHERE ticket_id = $1', [ticketId]);
  const followUpsOf = (ticketId: string) => system.dataSource.query('SELECT id FROM tickets WHERE follow_up_of = $1', [ticketId]);
  const repliedEvents = (ticketId: string) =>
    system.dataSource.query(`SELECT data->>'messageId' AS "messageId" FROM ticket_events WHERE ticket_id = $1 AND type = 'customer_replied'`, [ticketId]);

  it('stores one message on an open ticket and tells its workflow once, also when the retries race', async () => {
    const ticketId = await createTicket();

    const results = await retried(ticketId, 'Here is the screenshot.', newKey());

    const [{ message }] = results;
    expect(results.map((result) => ({ followUp: result.followUp, message: result.message, ticketId: result.ticket.id }))).toEqual(
      results.map(() => ({ followUp: false, message, ticketId })),
    );
    expect(await messagesOf(ticketId)).toEqual([{ id: message!.id, body: 'Here is the screenshot.' }]);
    expect(await repliedEvents(ticketId)).toEqual([{ messageId: message!.id }]);
  });

  it('opens one follow-up for a reply to a closed ticket, also when the retries race; the reply is its description only', async () => {
    const closedId = await createTicket();
    await close(closedId);

    const results = await retried(closedId, 'It is broken again.', newKey());

    const followUp = results[0].ticket;
    expect(results).toEqual(results.map(() => ({ followUp: true, message: null, ticket: followUp })));
    expect(followUp).toMatchObject({ followUpOf: closedId, description: 'It is broken again.' });
    expect(await followUpsOf(closedId)).toEqual([{ id: followUp.id }]);
    expect(await ticketWorkflowRuns(system.temporal, followUp.id)).toHaveLength(1);
    // Shown once: as the description (the portal and the console show it first), not also as a message.
    expect(await messagesOf(followUp.id)).toEqual([]);
    expect(await messagesOf(closedId)).toEqual([]);
  });

  it('answers a retry with the message the ticket took before it was closed, not with a follow-up', async () => {
    const ticketId = await createTicket();
    const key = newKey();
    const first = await reply(ticketId, 'One more detail.', key);
    await close(ticketId);

    const retry = await reply(ticketId, 'One more detail.', key);

    expect(retry).toEqual(first);
    expect(retry.followUp).toBe(false);
    expect(await followUpsOf(ticketId)).toEqual([]);
    expect(await messagesOf(ticketId)).toEqual([{ id: first.message!.id, body: 'One more detail.' }]);
  });

  it('refuses a key reused for a different reply with CONFLICT and stores nothing more', async () => {
    const ticketId = await createTicket();
    const key = newKey();
    const first = await reply(ticketId, 'The first words.', key);

    const error = onlyError(await sendReply(ticketId, 'Other words.', key));

    expect(error.code).toBe('CONFLICT');
    expect(await messagesOf(ticketId)).toEqual([{ id: first.message!.id, body: 'The first words.' }]);
    expect(await repliedEvents(ticketId)).toEqual([{ messageId: first.message!.id }]);
  });

  it('refuses a key reused for a different reply to a closed ticket with CONFLICT, opening no second follow-up', async () => {
    const closedId = await createTicket();
    await close(closedId);
    const key = newKey();
    const first = await reply(closedId, 'Back again.', key);

    const error = onlyError(await sendReply(closedId, 'Something else entirely.', key));

    expect(error.code).toBe('CONFLICT');
    expect(await followUpsOf(closedId)).toEqual([{ id: first.ticket.id }]);
  });
});
