import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { replyMessageIdFor } from '../../apps/api/tickets/reply-message-id.js';
import { TicketMessageEntity } from '../../libs/db/entities/ticket-message.entity.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { agentReplyUpdate, customerReplyUpdate, ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket } from '../support/tickets.js';

// Fault matrix, "API killed mid-request" (README), the replies: the API process dies after it stored a reply and before
// it answered; the client retries with the same idempotency key and the reply lands once: one message, one timeline
// event, one mail to the customer. As in create-ticket-crash-recovery, the dead request is reproduced by doing exactly
// what the API had done up to the crash (the message row under the id the key derives, and for the later crash point
// the workflow update under that id), and nothing after.
jest.setTimeout(120_000);

const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id body isPublic } }';
const CUSTOMER_REPLY = `mutation($input: RecordCustomerReplyInput!) {
  recordCustomerReply(input: $input) { followUp message { id body } ticket { id } }
}`;

describe('fault: the API dies between storing a reply and answering', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system?.stop());

  const newKey = () => `crash-${randomBytes(6).toString('hex')}`;

  async function createTicket(requesterEmail: string): Promise<string> {
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail }) }, agent);
    expect(errors).toBeUndefined();
    return data!.createTicket.id;
  }

  /** The message row the dead request stored, as TicketsService stores it. */
  async function storeAsTheApiDid(id: string, ticketId: string, authorType: 'agent' | 'customer', body: string): Promise<Date> {
    const messages = system.dataSource.getRepository(TicketMessageEntity);
    await messages.insert({ id, ticketId, authorType, authorUserId: authorType === 'agent' ? agentId : null, body, isPublic: true });
    return (await messages.findOneByOrFail({ id })).createdAt;
  }

  const messagesOf = (ticketId: string, authorType: string) =>
    system.dataSource.query<Array<{ id: string; body: string }>>('SELECT id, body FROM ticket_messages WHERE ticket_id = $1 AND author_type = $2', [
      ticketId,
      authorType,
    ]);
  const eventsOf = (ticketId: string, type: string) =>
    system.dataSource.query<Array<{ messageId: string }>>(`SELECT data->>'messageId' AS "messageId" FROM ticket_events WHERE ticket_id = $1 AND type = $2`, [
      ticketId,
      type,
    ]);
  /** Update executions of `name` in the workflow's history (accepted ones: a duplicate update id is not accepted again). */
  async function acceptedUpdates(ticketId: string, name: string): Promise<string[]> {
    const events = (await system.temporal.workflow.getHandle(ticketWorkflowId(ticketId)).fetchHistory()).events ?? [];
    return events
      .map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
      .filter((request) => request?.input?.name === name)
      .map((request) => request!.meta!.updateId!);
  }

  /** The agent's reply reaches the customer's mailbox (the dev outbox) exactly once. */
  async function expectOneReplyMail(ticketId: string, messageId: string, requesterEmail: string): Promise<void> {
    const [sent] = await waitFor(
      'the reply mail to be sent',
      async () => {
        const rows = await system.dataSource.query<Array<{ message_id: string; sent_at: Date | null }>>(
          `SELECT message_id, sent_at FROM sent_emails WHERE ticket_id = $1 AND template = 'agent_reply'`,
          [ticketId],
        );
        if (rows.length === 0 || rows.some((row) => row.sent_at === null)) throw new Error('not sent yet');
        return rows;
      },
      20_000,
      100,
    );
    const sentRows = await system.dataSource.query(`SELECT idempotency_key FROM sent_emails WHERE ticket_id = $1 AND template = 'agent_reply'`, [ticketId]);
    expect(sentRows).toEqual([{ idempotency_key: `${ticketId}:agent_reply:${messageId}` }]);
    const replies = await system.dataSource.query(`SELECT message_id FROM dev_outbox WHERE message_id = $1`, [sent.message_id]);
    expect(replies).toHaveLength(1);
    // Nothing else but the acknowledgment and this reply reached the customer.
    expect(await system.dataSource.query('SELECT count(*)::int AS n FROM dev_outbox WHERE $1 = ANY(envelope_to)', [requesterEmail])).toEqual([{ n: 2 }]);
  }

  describe('replyToTicket', () => {
    const retry = (ticketId: string, body: string, idempotencyKey: string) =>
      system.graphql<{ replyToTicket: { id: string; body: string } }>(REPLY, { input: { ticketId, body, idempotencyKey } }, agent);

    it('died after storing the message, before telling the workflow: the retry tells it once and answers with that message', async () => {
      const ticketId = await createTicket('reply-before-update@example.com');
      const key = newKey();
      const messageId = replyMessageIdFor(agentId, `agent-reply:${key}`);
      await storeAsTheApiDid(messageId, ticketId, 'agent', 'We are on it.');

      const { data, errors } = await retry(ticketId, 'We are on it.', key);
      expect(errors).toBeUndefined();
      expect(data!.replyToTicket).toMatchObject({ id: messageId, body: 'We are on it.' });
      // A second retry (the client did not see the first answer either) changes nothing.
      expect((await retry(ticketId, 'We are on it.', key)).data!.replyToTicket.id).toBe(messageId);

      expect(await messagesOf(ticketId, 'agent')).toEqual([{ id: messageId, body: 'We are on it.' }]);
      expect(await eventsOf(ticketId, 'agent_replied')).toEqual([{ messageId }]);
      expect(await acceptedUpdates(ticketId, 'agentReply')).toEqual([messageId]);
      await expectOneReplyMail(ticketId, messageId, 'reply-before-update@example.com');
    });

    it('died after the workflow recorded the reply, before answering: the retry returns the same message and records nothing more', async () => {
      const ticketId = await createTicket('reply-after-update@example.com');
      const key = newKey();
      const messageId = replyMessageIdFor(agentId, `agent-reply:${key}`);
      const createdAt = await storeAsTheApiDid(messageId, ticketId, 'agent', 'Fixed on our side.');
      await system.temporal.workflow
        .getHandle(ticketWorkflowId(ticketId))
        .executeUpdate(agentReplyUpdate, { args: [{ messageId, actorUserId: agentId, isPublic: true, at: createdAt.toISOString() }], updateId: messageId });

      const { data, errors } = await retry(ticketId, 'Fixed on our side.', key);
      expect(errors).toBeUndefined();
      expect(data!.replyToTicket).toMatchObject({ id: messageId, body: 'Fixed on our side.' });

      expect(await messagesOf(ticketId, 'agent')).toEqual([{ id: messageId, body: 'Fixed on our side.' }]);
      expect(await eventsOf(ticketId, 'agent_replied')).toEqual([{ messageId }]);
      expect(await acceptedUpdates(ticketId, 'agentReply')).toEqual([messageId]);
      await expectOneReplyMail(ticketId, messageId, 'reply-after-update@example.com');
    });

    it('a key reused for a different reply is refused, and stores nothing', async () => {
      const ticketId = await createTicket('reply-conflict@example.com');
      const key = newKey();
      expect((await retry(ticketId, 'First words.', key)).errors).toBeUndefined();
      const { errors } = await retry(ticketId, 'Other words.', key);
      expect(errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await messagesOf(ticketId, 'agent')).toHaveLength(1);
    });
  });

  describe('recordCustomerReply', () => {
    const retry = (ticketId: string, body: string, idempotencyKey: string) =>
      system.graphql<{ recordCustomerReply: { followUp: boolean; message: { id: string; body: string } | null } }>(
        CUSTOMER_REPLY,
        { input: { ticketId, body, idempotencyKey } },
        agent,
      );

    it('died after storing the message, before telling the workflow: the retry tells it once', async () => {
      const ticketId = await createTicket('customer-before-update@example.com');
      const key = newKey();
      const messageId = replyMessageIdFor(agentId, key);
      await storeAsTheApiDid(messageId, ticketId, 'customer', 'It happens again.');

      const { data, errors } = await retry(ticketId, 'It happens again.', key);
      expect(errors).toBeUndefined();
      expect(data!.recordCustomerReply).toMatchObject({ followUp: false, message: { id: messageId, body: 'It happens again.' } });

      expect(await messagesOf(ticketId, 'customer')).toEqual([{ id: messageId, body: 'It happens again.' }]);
      expect(await eventsOf(ticketId, 'customer_replied')).toEqual([{ messageId }]);
      expect(await acceptedUpdates(ticketId, 'customerReply')).toEqual([messageId]);
    });

    it('died after the workflow recorded the reply, before answering: the retry returns that message and records nothing more', async () => {
      const ticketId = await createTicket('customer-after-update@example.com');
      const key = newKey();
      const messageId = replyMessageIdFor(agentId, key);
      const createdAt = await storeAsTheApiDid(messageId, ticketId, 'customer', 'Still broken.');
      await system.temporal.workflow
        .getHandle(ticketWorkflowId(ticketId))
        .executeUpdate(customerReplyUpdate, { args: [{ messageId, actorUserId: agentId, at: createdAt.toISOString() }], updateId: messageId });

      const { data, errors } = await retry(ticketId, 'Still broken.', key);
      expect(errors).toBeUndefined();
      expect(data!.recordCustomerReply).toMatchObject({ followUp: false, message: { id: messageId, body: 'Still broken.' } });

      expect(await messagesOf(ticketId, 'customer')).toEqual([{ id: messageId, body: 'Still broken.' }]);
      expect(await eventsOf(ticketId, 'customer_replied')).toEqual([{ messageId }]);
      expect(await acceptedUpdates(ticketId, 'customerReply')).toEqual([messageId]);
    });
  });
});
