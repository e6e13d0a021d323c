import { randomBytes } from 'node:crypto';
import { ticketIdFor } from '../../apps/api/tickets/ticket-id.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import {
  CREATE_TICKET,
  expectNoTicketWorkflow,
  listWorkflows,
  newTicket,
  onlyError,
  ticketRowCount,
  ticketWorkflowRuns,
} from '../support/tickets.js';

describe('createTicket refuses invalid input with BAD_USER_INPUT and writes nothing', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;
  let acceptedTicketId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    // One valid ticket, so the checks below are seen to find what a create does write.
    const key = 'valid-baseline';
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket({ idempotencyKey: key }) }, agent);
    expect(errors).toBeUndefined();
    acceptedTicketId = data!.createTicket.id;
    expect(acceptedTicketId).toBe(ticketIdFor(agentId, key));
    expect(await ticketRowCount(system.dataSource)).toBe(1);
    expect(await ticketWorkflowRuns(system.temporal, acceptedTicketId)).toHaveLength(1);
  });
  afterAll(() => system.stop());

  /**
   * Sends the input with a fresh idempotency key (unless it sets its own), so the ticket id a create would have used
   * is known; then checks that no row and no workflow exist for it, and nothing else was added either.
   */
  async function createRefused(input: Record<string, unknown>) {
    const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey : `refused-${randomBytes(6).toString('hex')}`;
    const response = await system.graphql(CREATE_TICKET, { input: { idempotencyKey: key, ...input } }, agent);
    expect(response.data ?? null).toBeNull();
    const error = onlyError(response);

    const wouldBeId = ticketIdFor(agentId, key);
    expect(await ticketRowCount(system.dataSource, 'id = $1', [wouldBeId])).toBe(0);
    expect(await ticketRowCount(system.dataSource)).toBe(1);
    await expectNoTicketWorkflow(system.temporal, wouldBeId);
    const onQueue = await listWorkflows(system.temporal, `TaskQueue = "${system.config.taskQueue}"`);
    expect(onQueue.map((run) => run.workflowId)).toEqual([ticketWorkflowId(acceptedTicketId)]);
    return error;
  }

  it.each([
    ['an empty subject', { subject: '' }, ['subject must be longer than or equal to 1 characters', 'subject must not be blank']],
    ['a blank subject', { subject: ' \t\n ' }, ['subject must not be blank']],
    ['a blank description', { description: '   ' }, ['description must not be blank']],
    ['a requester email that is not an email address', { requesterEmail: 'customer at example.com' }, ['requesterEmail must be an email address']],
    ['an oversized subject', { subject: 'x'.repeat(251) }, ['subject must be shorter than or equal to 250 characters']],
    ['an oversized description', { description: 'x'.repeat(20_001) }, ['description must be shorter than or equal to 20000 characters']],
    [
      'an oversized requester email',
      { requesterEmail: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}.com` },
      ['requesterEmail must be shorter than or equal to 254 characters', 'requesterEmail must be an email address'],
    ],
    ['an oversized idempotency key', { idempotencyKey: 'k'.repeat(101) }, ['idempotencyKey must be shorter than or equal to 100 characters']],
  ])('%s, with a message naming the field and the rule', async (_what, change, problems) => {
    const error = await createRefused(newTicket(change));
    expect(error.code).toBe('BAD_USER_INPUT');
    // Every rule the value breaks, in no particular order, separated by "; ".
    expect(error.message.split('; ').sort()).toEqual([...problems].sort());
    const field = Object.keys(change)[0];
    expect(error.extensions.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it.each([
    ['an unknown priority', { priority: 'CRITICAL' }, /"CRITICAL" at "input\.priority".*"TicketPriority" enum/],
    ['a priority spelled as stored, not as the GraphQL enum', { priority: 'high' }, /"high" at "input\.priority"/],
    ['an unknown channel', { channel: 'FAX' }, /"FAX" at "input\.channel".*"TicketChannel" enum/],
    ['a subject that is not a string', { subject: 42 }, /at "input\.subject"; String cannot represent a non string value/],
    ['an unknown field', { severity: 'SEV1' }, /Field "severity" is not defined by type "CreateTicketInput"/],
  ])('%s passed through variables, with a message naming the variable path', async (_what, change, message) => {
    const error = await createRefused(newTicket(change));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('a missing required field', async () => {
    const input = newTicket();
    delete input.requesterEmail;
    const error = await createRefused(input);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/Field "requesterEmail" of required type "String!" was not provided/);
  });

  it('an unknown channel written into the query itself is refused before anything runs (GRAPHQL_VALIDATION_FAILED)', async () => {
    const key = 'inline-literal';
    const response = await system.graphql(
      `mutation {
        createTicket(input: { subject: "s", description: "d", requesterEmail: "a@example.com", channel: FAX, idempotencyKey: "${key}" }) { id }
      }`,
      {},
      agent,
    );
    const error = onlyError(response);
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/Value "FAX" does not exist in "TicketChannel" enum/);
    await expectNoTicketWorkflow(system.temporal, ticketIdFor(agentId, key));
    expect(await ticketRowCount(system.dataSource)).toBe(1);
  });

  it('a request body over the server limit (1 MB) is refused by HTTP with 413 before GraphQL sees it', async () => {
    const key = 'huge-body';
    const response = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agent}` },
      body: JSON.stringify({ query: CREATE_TICKET, variables: { input: newTicket({ description: 'x'.repeat(1_100_000), idempotencyKey: key }) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ statusCode: 413, message: 'request entity too large' });
    await expectNoTicketWorkflow(system.temporal, ticketIdFor(agentId, key));
    expect(await ticketRowCount(system.dataSource)).toBe(1);
  });
});
