import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevStack, type DevStack } from '../../libs/devstack/dev-stack.js';
import { freePort } from '../../libs/devstack/free-port.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { installTestRuntime, startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket } from '../support/tickets.js';

const READ = `query($id: ID!) { ticket(id: $id) { id subject status live { status lifecycleVersion } timeline { type } messages { body } } }`;
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';

// Its own persistent PostgreSQL and Temporal in a temporary folder, stopped and started again on the same data, as
// `npm start` would be; the API and the worker are stopped and started with them.
describe('a restart of the whole system (API, worker, PostgreSQL, Temporal) on the same data folder', () => {
  let dataDir: string;
  let ports: { postgresPort: number; temporalPort: number };
  let stack: DevStack | undefined;
  let system: TestSystem | undefined;
  const taskQueue = `restart-${randomBytes(4).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');

  async function start(): Promise<TestSystem> {
    stack = await startDevStack({ dataDir, persistent: true, databaseName: 'helpdesk', ...ports });
    system = await startTestSystem({ databaseUrl: stack.databaseUrl, temporalAddress: stack.temporalAddress, taskQueue, jwtSecret });
    return system;
  }

  async function stop(): Promise<void> {
    await system?.stop();
    system = undefined;
    await stack?.stop();
    stack = undefined;
  }

  beforeAll(async () => {
    // Before the dev server (TestWorkflowEnvironment) would create a default, chattier one.
    installTestRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-restart-'));
    ports = { postgresPort: await freePort(), temporalPort: await freePort() };
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the ticket row and its running workflow, which answers its query and takes replies', async () => {
    const before = await start();
    const { token } = await before.signIn(['agent']);
    const created = await before.graphql(CREATE_TICKET, { input: newTicket({ subject: 'Survives a restart', idempotencyKey: 'restart-1' }) }, token);
    expect(created.errors).toBeUndefined();
    const id: string = created.data!.createTicket.id;
    expect((await before.graphql(CHANGE_STATUS, { input: { ticketId: id, status: 'PENDING' } }, token)).errors).toBeUndefined();
    const { runId } = await before.temporal.workflow.getHandle(ticketWorkflowId(id)).describe();

    await stop();
    const after = await start();

    const [row] = await after.dataSource.query('SELECT subject, status, lifecycle_version FROM tickets WHERE id = $1', [id]);
    expect(row).toEqual({ subject: 'Survives a restart', status: 'pending', lifecycle_version: 2 });
    const description = await after.temporal.workflow.getHandle(ticketWorkflowId(id)).describe();
    expect({ runId: description.runId, status: description.status.name }).toEqual({ runId, status: 'RUNNING' });

    // The token from before the restart still works (same secret, user row kept); the workflow answers its query.
    const read = await after.graphql(READ, { id }, token);
    expect(read.errors).toBeUndefined();
    expect(read.data!.ticket).toMatchObject({ id, status: 'PENDING', live: { status: 'PENDING', lifecycleVersion: 2 } });

    const replied = await after.graphql(REPLY, { input: { ticketId: id, body: 'Still here after the restart.' } }, token);
    expect(replied.errors).toBeUndefined();
    const reread = (await after.graphql(READ, { id }, token)).data!.ticket;
    expect(reread.live).toEqual({ status: 'PENDING', lifecycleVersion: 3 });
    const lifecycle = eventsOfType<{ type: string }>(reread.timeline, 'created', 'status_changed', 'agent_replied');
    expect(lifecycle.map((event) => event.type)).toEqual(['created', 'status_changed', 'agent_replied']);
    expect(reread.messages).toEqual([{ body: 'Still here after the restart.' }]);

    // And the same idempotency key still finds the same ticket.
    const retried = await after.graphql(CREATE_TICKET, { input: newTicket({ subject: 'Survives a restart', idempotencyKey: 'restart-1' }) }, token);
    expect(retried.data!.createTicket.id).toBe(id);
  }, 180_000);
});
