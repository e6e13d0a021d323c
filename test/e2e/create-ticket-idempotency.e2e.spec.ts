import { ticketIdFor } from '../../apps/api/tickets/ticket-id.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, createdEventCount, newTicket, onlyError, ticketRowCount, ticketWorkflowRuns } from '../support/tickets.js';

describe('createTicket with an idempotency key', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const create = (input: Record<string, unknown>, token = agent) => system.graphql(CREATE_TICKET, { input }, token);

  /** Exactly one row, one workflow run and one `created` event for the ticket. */
  async function expectOneTicket(ticketId: string): Promise<void> {
    expect(await ticketRowCount(system.dataSource, 'id = $1', [ticketId])).toBe(1);
    expect(await ticketWorkflowRuns(system.temporal, ticketId)).toHaveLength(1);
    expect(await createdEventCount(system.dataSource, ticketId)).toBe(1);
  }

  it('returns the same ticket when the request is retried, and creates it once', async () => {
    const input = newTicket({ idempotencyKey: 'retry-1' });
    const first = await create(input);
    const second = await create(input);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.createTicket).toEqual(first.data!.createTicket);
    expect(first.data!.createTicket.id).toBe(ticketIdFor(agentId, 'retry-1'));
    await expectOneTicket(first.data!.createTicket.id);
  });

  it('gives concurrent requests with the same key and content the same ticket: one row, one workflow', async () => {
    const input = newTicket({ idempotencyKey: 'concurrent-1', subject: 'Double-clicked submit' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => create(input)));

    for (const response of responses) expect(response.errors).toBeUndefined();
    const tickets = responses.map((response) => response.data!.createTicket);
    expect(new Set(tickets.map((ticket) => ticket.id))).toEqual(new Set([ticketIdFor(agentId, 'concurrent-1')]));
    expect(new Set(tickets.map((ticket) => ticket.number)).size).toBe(1);
    expect(await ticketRowCount(system.dataSource, "subject = 'Double-clicked submit'")).toBe(1);
    await expectOneTicket(tickets[0].id);
  });

  it('refuses the same key with different content with CONFLICT, and leaves the first ticket as it was', async () => {
    const first = await create(newTicket({ idempotencyKey: 'conflict-1', subject: 'Original subject' }));
    expect(first.errors).toBeUndefined();
    const { id, number } = first.data!.createTicket;

    const second = await create(newTicket({ idempotencyKey: 'conflict-1', subject: 'Another subject' }));
    expect(second.data ?? null).toBeNull();
    const error = onlyError(second);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`The idempotency key "conflict-1" was already used for ticket #${number}, with different content.`);

    const rows = await system.dataSource.query('SELECT id, subject FROM tickets WHERE idempotency_key = $1', ['conflict-1']);
    expect(rows).toEqual([{ id, subject: 'Original subject' }]);
    await expectOneTicket(id);
  });

  it('lets exactly one of two concurrent requests with the same key and different content win; the other gets CONFLICT', async () => {
    const [a, b] = await Promise.all([
      create(newTicket({ idempotencyKey: 'race-1', subject: 'Version A' })),
      create(newTicket({ idempotencyKey: 'race-1', subject: 'Version B' })),
    ]);
    const winners = [a, b].filter((response) => response.errors === undefined);
    const losers = [a, b].filter((response) => response.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map((response) => onlyError(response).code)).toEqual(['CONFLICT']);

    const winner = winners[0].data!.createTicket;
    const rows = await system.dataSource.query('SELECT id, subject FROM tickets WHERE idempotency_key = $1', ['race-1']);
    expect(rows).toEqual([{ id: winner.id, subject: winner.subject }]);
    await expectOneTicket(winner.id);
  });

  it('scopes keys to the caller: two agents using the same key get two tickets', async () => {
    const other = await system.signIn(['agent']);
    const input = newTicket({ idempotencyKey: 'shared-key' });
    const mine = (await create(input)).data!.createTicket;
    const theirs = (await create(input, other.token)).data!.createTicket;
    expect(mine.id).not.toBe(theirs.id);
    expect(theirs.id).toBe(ticketIdFor(other.userId, 'shared-key'));
    await expectOneTicket(mine.id);
    await expectOneTicket(theirs.id);
  });

  it('returns the ticket as it is now when retried after it was closed, without starting a new workflow', async () => {
    const input = newTicket({ idempotencyKey: 'late-retry' });
    const { id } = (await create(input)).data!.createTicket;
    for (const status of ['SOLVED', 'CLOSED']) {
      const changed = await system.graphql(
        'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }',
        { input: { ticketId: id, status } },
        agent,
      );
      expect(changed.errors).toBeUndefined();
    }
    await system.temporal.workflow.getHandle(ticketWorkflowId(id)).result();

    const retried = await create(input);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.createTicket).toMatchObject({ id, status: 'CLOSED' });
    const runs = await ticketWorkflowRuns(system.temporal, id);
    expect(runs.map((run) => run.status.name)).toEqual(['COMPLETED']);
    await expectOneTicket(id);
  });
});
